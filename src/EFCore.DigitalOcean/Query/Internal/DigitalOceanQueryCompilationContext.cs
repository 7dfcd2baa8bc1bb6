using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>Compilation state of one query: the catalogue scope chosen by Distributions(), Applications() or PrivateOnly().</summary>
internal sealed class DigitalOceanQueryCompilationContext(QueryCompilationContextDependencies dependencies, bool async)
    : QueryCompilationContext(dependencies, async)
{
    public ListScope? Scope { get; set; }
}

internal sealed class DigitalOceanQueryCompilationContextFactory(QueryCompilationContextDependencies dependencies)
    : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new DigitalOceanQueryCompilationContext(dependencies, async);
}
