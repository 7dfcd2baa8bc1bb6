using System.Linq.Expressions;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

internal sealed class DigitalOceanShapedQueryCompilingExpressionVisitorFactory(ShapedQueryCompilingExpressionVisitorDependencies dependencies)
    : IShapedQueryCompilingExpressionVisitorFactory
{
    public ShapedQueryCompilingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DigitalOceanShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext);
}
