using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Query.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

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
        var operationName = setters is null ? DigitalOceanOperationNames.ExecuteDelete : DigitalOceanOperationNames.ExecuteUpdate;
        ((DigitalOceanTransactionManager)queryContext.Context.GetService<IDbContextTransactionManager>())
            .CheckNoAmbientTransaction(operationName);
        EntityFrameworkMetricsData.ReportQueryExecuting();
        using var operation = queryContext.Client.StartOperation(operationName, plan.Resource);
        using var _ = DigitalOceanOperation.Enter(operation);
        try
        {
            return await WriteAsync(queryContext, operation).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            operation?.Fail(exception);
            throw;
        }
    }

    private async Task<int> WriteAsync(DigitalOceanQueryContext queryContext, DigitalOceanOperation? operation)
    {
        var cancellationToken = queryContext.CancellationToken;
        var client = queryContext.Client;
        var resource = plan.Resource;
        var rowReader = ResourceRowReader.For(entityType, resource);
        var keys = rowReader.NewKeySet(0);

        var rows = plan.Fetch(queryContext, rowsAreTransient: false);
        var targets = new List<Target>();
        await foreach (var row in (inMemory?.Invoke(queryContext, rows) ?? rows).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var values = setters?.Select(s => (s.Property, s.Value(queryContext, row))).ToList();
            var key = keys.ReadKey(row);
            targets.Add(new Target(key, ApiResource.KeySegment(key), values, values is null ? null : ApiWriteOperationFactory.Body(values)));
        }

        operation?.CountItems(targets.Count);
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
                                ? client.DeleteAsync(resource, target.KeySegment, token)
                                : client.UpdateAsync(resource, target.KeySegment, target.Body, rowReader, token))
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
            if (stateManager.TryGetEntry(_key, [target.Key]) is not { } entry)
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
        foreach (var failure in failures.OrderBy(f => f.Operation.Key))
        {
            message.AppendLine().Append("  ").Append(failure.Operation.KeySegment).Append(": ").Append(failure.Exception.Message);
        }

        return new DbUpdateException(
            message.ToString(),
            failures.Count == 1 ? failures[0].Exception : new AggregateException(failures.Select(f => f.Exception)));
    }

    private sealed record Target(object Key, string KeySegment, List<(IProperty Property, object? Value)>? Values, string? Body);
}
