using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

internal sealed class DigitalOceanQueryCompilationContextFactory(
    QueryCompilationContextDependencies dependencies,
    ApiResourceTable resources)
    : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new DigitalOceanQueryCompilationContext(dependencies, async, resources);
}
