using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Compilation state of one query: the resources it can map and the catalogue scope chosen by Distributions(),
///     Applications() or PrivateOnly().
/// </summary>
internal sealed class DigitalOceanQueryCompilationContext(
    QueryCompilationContextDependencies dependencies,
    bool async,
    ApiResourceTable resources)
    : QueryCompilationContext(dependencies, async)
{
    public ApiResourceTable Resources { get; } = resources;

    public ListScope? Scope { get; set; }

    /// <summary>The names ToQueryString() and the warnings give the query's parameters, set before translation.</summary>
    public ParameterDisplayNames ParameterNames { get; set; } = ParameterDisplayNames.None;

    /// <summary>A fresh compilation context for one set of a query over several sets, compiled as a query of its own.</summary>
    public DigitalOceanQueryCompilationContext CreateSubqueryContext()
        => new(Dependencies, IsAsync, Resources) { ParameterNames = ParameterNames };
}
