using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

internal sealed class DigitalOceanQueryTranslationPreprocessorFactory(QueryTranslationPreprocessorDependencies dependencies)
    : IQueryTranslationPreprocessorFactory
{
    public QueryTranslationPreprocessor Create(QueryCompilationContext queryCompilationContext)
        => new DigitalOceanQueryTranslationPreprocessor(dependencies, (DigitalOceanQueryCompilationContext)queryCompilationContext);
}
