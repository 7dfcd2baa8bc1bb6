using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>One execution of a query: EF's query context plus the context's API client.</summary>
internal sealed class DigitalOceanQueryContext(QueryContextDependencies dependencies, DigitalOceanClient client)
    : QueryContext(dependencies)
{
    public DigitalOceanClient Client { get; } = client;
}
