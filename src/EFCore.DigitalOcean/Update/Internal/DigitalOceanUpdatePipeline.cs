using System.Collections.Concurrent;
using System.Net;
using System.Text;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     SaveChanges for an API without transactions. Every entry is mapped and checked first, so a bad entry sends nothing.
///     Then the writes run concurrently (up to <c>MaxConcurrentRequests</c>). When some fail, the ones that succeeded are
///     accepted right away (they hold server values, or are detached once deleted) and the failed ones keep their state, so the
///     change tracker tells the truth and calling SaveChanges again retries exactly what failed.
/// </summary>
internal sealed class DigitalOceanUpdatePipeline(
    DigitalOceanClient client, ApiResourceTable resources, IDbContextTransactionManager transactions, StartedActions startedActions)
{
    public async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken)
    {
        ((DigitalOceanTransactionManager)transactions).CheckNoAmbientTransaction(DigitalOceanOperationNames.SaveChanges);
        var written = entries.Select(e => resources.Get(e.EntityType)).Distinct().ToList();
        using var operation = client.StartOperation(DigitalOceanOperationNames.SaveChanges, written.Count == 1 ? written[0] : null);
        using var _ = DigitalOceanOperation.Enter(operation);
        operation?.CountItems(entries.Count);
        try
        {
            return await SaveAsync(entries, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            operation?.Fail(exception);
            throw;
        }
    }

    private async Task<int> SaveAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var operations = new List<ApiWriteOperation>();
        var memberships = new List<MembershipChange>();
        foreach (var entry in entries)
        {
            var resource = resources.Get(entry.EntityType);
            var operation = ApiWriteOperationFactory.Create(entry, resource, problems);
            if (operation.Kind != ApiWriteKind.Update || operation.JsonBody is not null)
            {
                operations.Add(operation);
            }

            if (operation.Kind == ApiWriteKind.Update)
            {
                ApiChangeWriteFactory.Map(entry, resource, operation.KeySegment!, operations, memberships, problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "SaveChanges sent nothing, because the API cannot apply these changes:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        // Answers are collected and applied afterwards, on this thread: the change tracker is not thread-safe.
        var serverRows = new ConcurrentDictionary<ApiWriteOperation, ResourceRow>();
        var actions = new ConcurrentDictionary<ApiWriteOperation, StartedAction>();
        var confirmed = new ConcurrentQueue<ApiWriteOperation>();
        var membershipWrites = MembershipWrite.Group(memberships);
        var settledMemberships = new ConcurrentDictionary<MembershipChange, string>();
        var failures = new List<SaveFailure>();
        try
        {
            failures.AddRange((await BoundedRunner.RunAsync(
                    operations,
                    client.MaxConcurrentRequests,
                    async (operation, token) =>
                    {
                        if (operation.Kind == ApiWriteKind.Action)
                        {
                            actions[operation] = await StartActionAsync(operation, token).ConfigureAwait(false);
                        }
                        else if (await ExecuteAsync(operation, token).ConfigureAwait(false) is { } row)
                        {
                            serverRows[operation] = row;
                        }

                        confirmed.Enqueue(operation);
                    },
                    cancellationToken)
                .ConfigureAwait(false)).Select(SaveFailure.Of));

            failures.AddRange((await BoundedRunner.RunAsync(
                    membershipWrites,
                    client.MaxConcurrentRequests,
                    async (write, token) =>
                    {
                        var name = await MembershipWriter.SendAsync(client, write, token).ConfigureAwait(false);
                        foreach (var change in write.Changes)
                        {
                            settledMemberships[change] = name;
                        }
                    },
                    cancellationToken)
                .ConfigureAwait(false)).SelectMany(SaveFailure.Of));
        }
        finally
        {
            // Whatever stopped the writes, what the server confirmed is applied, so that saving again never repeats it.
            Settle(entries, operations, memberships, serverRows, actions, confirmed, settledMemberships, failures);
        }

        return failures.Count == 0 ? entries.Count : throw CreateException(failures, entries.Count);
    }

    /// <summary>
    ///     Applies what the server confirmed to each entry: server values, the actions it started (for a later wait), and, per
    ///     entry, either acceptance (everything of it succeeded) or the original values of the parts that did.
    /// </summary>
    private void Settle(
        IList<IUpdateEntry> entries,
        List<ApiWriteOperation> operations,
        List<MembershipChange> memberships,
        ConcurrentDictionary<ApiWriteOperation, ResourceRow> serverRows,
        ConcurrentDictionary<ApiWriteOperation, StartedAction> actions,
        ConcurrentQueue<ApiWriteOperation> confirmed,
        ConcurrentDictionary<MembershipChange, string> settledMemberships,
        List<SaveFailure> failures)
    {
        foreach (var (operation, row) in serverRows)
        {
            ApplyServerValues(operation, row);
        }

        foreach (var (operation, action) in actions)
        {
            startedActions.Add(operation.Entry.EntityType, operation.KeySegment!, action);
        }

        var succeeded = confirmed.ToHashSet();
        var failedEntries = failures.Select(f => f.Entry).ToHashSet();
        var operationsByEntry = operations.ToLookup(o => o.Entry);
        var membershipsByEntry = memberships.ToLookup(m => m.Entry);
        foreach (var entry in entries)
        {
            var entrySucceeded = operationsByEntry[entry].Where(succeeded.Contains).ToList();
            var entryMemberships = membershipsByEntry[entry]
                .Where(settledMemberships.ContainsKey)
                .Select(m => (m, settledMemberships[m]))
                .ToList();
            var complete = !failedEntries.Contains(entry)
                && entrySucceeded.Count == operationsByEntry[entry].Count()
                && entryMemberships.Count == membershipsByEntry[entry].Count();
            if (complete || entrySucceeded.Count > 0 || entryMemberships.Count > 0)
            {
                EntrySettlement.Settle(entry, resources.Get(entry.EntityType), entrySucceeded, entryMemberships, complete);
            }
        }
    }

    private async Task<StartedAction> StartActionAsync(ApiWriteOperation operation, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(
                HttpMethod.Post,
                operation.Resource.ItemPath(operation.KeySegment!) + "/" + operation.Resource.ActionsPath,
                operation.JsonBody,
                JsonBodies.Reader(DigitalOceanJsonContext.Default.ActionBody),
                cancellationToken)
            .ConfigureAwait(false);
        var action = answer?.Action ?? throw new DigitalOceanApiException(DigitalOceanStrings.ActionAnswerWithoutAction(operation.Resource.ItemPath(operation.KeySegment!)), HttpStatusCode.Created);
        return new StartedAction(action.Id, action.Type ?? "", action.RegionSlug);
    }

    private async Task<ResourceRow?> ExecuteAsync(ApiWriteOperation operation, CancellationToken cancellationToken)
    {
        var resource = operation.Resource;
        var rows = ResourceRowReader.For(operation.Entry.EntityType, resource);
        switch (operation.Kind)
        {
            case ApiWriteKind.Create:
                return await client.CreateAsync(resource, operation.JsonBody!, rows, cancellationToken).ConfigureAwait(false);
            case ApiWriteKind.Update:
                return await client.UpdateAsync(resource, operation.KeySegment!, operation.JsonBody!, rows, cancellationToken)
                    .ConfigureAwait(false);
            default:
                await client.DeleteAsync(resource, operation.KeySegment!, cancellationToken).ConfigureAwait(false);
                return null;
        }
    }

    /// <summary>
    ///     The response is the server's truth: its values (the real id in place of the temporary one, the status, the creation
    ///     time…) replace the entry's. Only the key is store-generated in EF's sense; the rest are plain current values, which
    ///     EF accepts as original values once the save is over.
    /// </summary>
    private static void ApplyServerValues(ApiWriteOperation operation, ResourceRow row)
    {
        var (entry, resource) = (operation.Entry, operation.Resource);
        var entityEntry = entry.ToEntityEntry();
        foreach (var property in entry.EntityType.GetProperties())
        {
            var value = row[property.GetIndex()];
            if (property.Name == resource.KeyProperty)
            {
                entry.SetStoreGeneratedValue(property, value, setModified: false);
            }
            else if (!resource.WriteOnly.Contains(property.Name)
                     && !(ApiChangeWriteFactory.IsChangeWrite(resource, property.Name) && entry.IsModified(property)))
            {
                // A change an action or a membership carries out keeps the value asked for; the PUT's answer predates it.
                entityEntry.Property(property.Name).CurrentValue = value;
            }
        }
    }

    /// <summary>A server error or a lost answer says nothing about whether the request was carried out.</summary>
    private static bool MayHaveBeenApplied(Exception exception)
        => exception is TimeoutException or HttpRequestException
            || exception is DigitalOceanApiException { StatusCode: >= HttpStatusCode.InternalServerError };

    private static DbUpdateException CreateException(List<SaveFailure> failures, int attempted)
    {
        var failedEntries = failures.Select(f => f.Entry).Distinct().ToList();
        var message = new StringBuilder()
            .Append(attempted - failedEntries.Count).Append(" of ").Append(attempted)
            .Append(" changes were saved and accepted; these failed and keep their state, so SaveChanges can retry them:");
        foreach (var failure in failures)
        {
            message.AppendLine().Append("  ").Append(ApiWriteOperationFactory.Describe(failure.Entry, failure.Resource)).Append(" (")
                .Append(failure.Write).Append("): ").Append(failure.Exception.Message);
            if (failure.IsCreate && MayHaveBeenApplied(failure.Exception))
            {
                message.Append(" The API may have created the image anyway: look for it before saving again.");
            }
        }

        var inner = failures.Count == 1 ? failures[0].Exception : new AggregateException(failures.Select(f => f.Exception));
        return failures.All(f => f.Exception is DigitalOceanApiException { StatusCode: HttpStatusCode.NotFound })
            ? new DbUpdateConcurrencyException(message.ToString(), inner, failedEntries)
            : new DbUpdateException(message.ToString(), inner, failedEntries);
    }
}
