using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

internal sealed class DigitalOceanQueryableMethodTranslatingExpressionVisitorFactory(
    QueryableMethodTranslatingExpressionVisitorDependencies dependencies)
    : IQueryableMethodTranslatingExpressionVisitorFactory
{
    public QueryableMethodTranslatingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DigitalOceanQueryableMethodTranslatingExpressionVisitor(
            dependencies, (DigitalOceanQueryCompilationContext)queryCompilationContext);
}
