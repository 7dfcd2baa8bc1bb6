using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using EFCore.DigitalOcean.Query.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     A compiled ExecuteDelete or ExecuteUpdate. It lists the matching items exactly as the query would, then sends one
///     DELETE or PUT per item with bounded concurrency. Tracked entities follow the server: a deleted one is detached, an
///     updated one gets the new values as both current and original values, so the change tracker never holds stale state.
/// </summary>
internal sealed class BulkWrite(
    IEntityType entityType,
    ResourceQueryPlan plan,
    Func<QueryContext, IAsyncEnumerable<ResourceRow>, IAsyncEnumerable<ResourceRow>>? inMemory,
    IReadOnlyList<(IProperty Property, Func<QueryContext, ResourceRow, object?> Value)>? setters)
{
    public static readonly MethodInfo ExecuteMethod = typeof(BulkWrite).GetMethod(nameof(Execute))!;
    public static readonly MethodInfo ExecuteAsyncMethod = typeof(BulkWrite).GetMethod(nameof(ExecuteAsync))!;

    private readonly IKey _key = entityType.FindPrimaryKey()!;

    public int Execute(DigitalOceanQueryContext queryContext) => ExecuteAsync(queryContext).GetAwaiter().GetResult();

    public async Task<int> ExecuteAsync(DigitalOceanQueryContext queryContext)
    {
        var cancellationToken = queryContext.CancellationToken;
        var client = queryContext.Client;
        var resource = plan.Resource;
        var keySlot = _key.Properties[0].GetIndex();

        var rows = plan.Fetch(queryContext, rowsAreTransient: false);
        var targets = new List<Target>();
        await foreach (var row in (inMemory?.Invoke(queryContext, rows) ?? rows).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var values = setters?.Select(s => (s.Property, s.Value(queryContext, row))).ToList();
            targets.Add(new Target(row.Read<long>(keySlot), values, values is null ? null : ApiWriteOperationFactory.Body(values)));
        }

        var rowReader = ResourceRowReader.For(entityType);
        var done = new ConcurrentQueue<Target>();
        List<WriteFailure<Target>> failures;
        try
        {
            failures = await BoundedRunner.RunAsync(
                    targets,
                    client.MaxConcurrentRequests,
                    async (target, token) =>
                    {
                        await (target.Body is null
                                ? client.DeleteAsync(resource, target.Id, token)
                                : client.UpdateAsync(resource, target.Id, target.Body, rowReader, token))
                            .ConfigureAwait(false);
                        done.Enqueue(target);
                    },
                    cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            // Also when interrupted: what the server did, the tracker follows.
            FollowServer(queryContext, done);
        }

        if (failures.Count > 0)
        {
            throw CreateException(failures, targets.Count);
        }

        return done.Count;
    }

    private void FollowServer(QueryContext queryContext, IEnumerable<Target> succeeded)
    {
        var stateManager = queryContext.Context.GetService<IStateManager>();
        foreach (var target in succeeded)
        {
            if (stateManager.TryGetEntry(_key, [target.Id]) is not { } entry)
            {
                continue;
            }

            if (target.Values is null)
            {
                entry.SetEntityState(EntityState.Detached);
                continue;
            }

            var entityEntry = queryContext.Context.Entry(entry.Entity);
            foreach (var (property, value) in target.Values)
            {
                var propertyEntry = entityEntry.Property(property.Name);
                propertyEntry.CurrentValue = value;
                propertyEntry.OriginalValue = value;
                propertyEntry.IsModified = false;
            }
        }
    }

    private DbUpdateException CreateException(List<WriteFailure<Target>> failures, int attempted)
    {
        var verb = setters is null ? "deleted" : "updated";
        var message = new StringBuilder()
            .Append(attempted - failures.Count).Append(" of ").Append(attempted).Append(' ')
            .Append(entityType.DisplayName()).Append(" items were ").Append(verb).Append("; these failed:");
        foreach (var failure in failures.OrderBy(f => f.Operation.Id))
        {
            message.AppendLine().Append("  ").Append(failure.Operation.Id).Append(": ").Append(failure.Exception.Message);
        }

        return new DbUpdateException(
            message.ToString(),
            failures.Count == 1 ? failures[0].Exception : new AggregateException(failures.Select(f => f.Exception)));
    }

    private sealed record Target(long Id, List<(IProperty Property, object? Value)>? Values, string? Body);
}
