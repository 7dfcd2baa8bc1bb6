using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

internal sealed class DigitalOceanQueryContextFactory(QueryContextDependencies dependencies, DigitalOceanClient client)
    : IQueryContextFactory
{
    public QueryContext Create() => new DigitalOceanQueryContext(dependencies, client);
}
