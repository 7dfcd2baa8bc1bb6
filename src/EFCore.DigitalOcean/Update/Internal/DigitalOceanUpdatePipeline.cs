using System.Collections.Concurrent;
using System.Net;
using System.Text;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     SaveChanges for an API without transactions. Every entry is mapped and checked first, so a bad entry sends nothing.
///     Then the writes run concurrently (up to <c>MaxConcurrentRequests</c>): creates, PUTs and DELETEs, the actions that
///     carry out property changes (a region added, a backup converted), then one request per membership gained or lost (a tag)
///     listing every item. Whatever stops them (a failure, a cancellation, an unexpected exception), what the server confirmed
///     is applied in a <c>finally</c>: each entry whose writes all succeeded is accepted, an entry with a failed write keeps it
///     pending and nothing else, so the change tracker tells the truth and calling SaveChanges again sends exactly what failed.
///     A create whose outcome is unknown is remembered, and looked for before it is ever sent again.
/// </summary>
internal sealed class DigitalOceanUpdatePipeline(
    DigitalOceanClient client,
    ApiResourceTable resources,
    IDbContextTransactionManager transactions,
    StartedActions startedActions,
    IDiagnosticsLogger<DbLoggerCategory.Update> logger)
{
    private readonly InDoubtCreates _inDoubt = new();
    private readonly InDoubtActions _inDoubtActions = new();

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
            throw new InvalidOperationException(DigitalOceanStrings.NothingSent(problems));
        }

        // Answers are collected and applied afterwards, on this thread: the change tracker is not thread-safe.
        var answers = new ConcurrentDictionary<ApiWriteOperation, WriteAnswer>();
        var membershipWrites = MembershipWrite.Group(memberships);
        var settledMemberships = new ConcurrentDictionary<MembershipChange, string>();
        var failures = new List<SaveFailure>();
        try
        {
            failures.AddRange((await BoundedRunner.RunAsync(
                    operations,
                    client.MaxConcurrentRequests,
                    async (operation, token) => answers[operation] = await ExecuteAsync(operation, token).ConfigureAwait(false),
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
            failures.AddRange(Apply(answers).Select(SaveFailure.Of));
            Settle(entries, operations, memberships, answers, settledMemberships, failures);
        }

        return failures.Count == 0 ? entries.Count : throw CreateException(failures, entries.Count);
    }

    /// <summary>
    ///     Applies each answer to its entry. An answer EF cannot accept (a key the context tracks for another entity, an
    ///     update answered with another item) fails that entry alone, which keeps its state; a started action is kept for a
    ///     later wait.
    /// </summary>
    private List<WriteFailure<ApiWriteOperation>> Apply(ConcurrentDictionary<ApiWriteOperation, WriteAnswer> answers)
    {
        var refused = new List<WriteFailure<ApiWriteOperation>>();
        foreach (var (operation, answer) in answers)
        {
            if (answer.Action is { } action)
            {
                startedActions.Add(operation.Entry.EntityType, operation.KeySegment!, action);
                continue;
            }

            if (answer.Row is not { } row)
            {
                continue;
            }

            if (Refusal(operation, row) is { } refusal)
            {
                if (operation.Kind == ApiWriteKind.Create)
                {
                    _inDoubt.Remember(Entity(operation), client.TimeProvider.GetUtcNow());
                }

                refused.Add(new WriteFailure<ApiWriteOperation>(operation, refusal));
                answers.TryRemove(operation, out WriteAnswer? _);
                continue;
            }

            ApplyServerValues(operation, row);
            if (operation.Kind == ApiWriteKind.Create)
            {
                _inDoubt.Forget(Entity(operation));
                if (answer.Adopted)
                {
                    logger.InDoubtCreateAdopted(ApiWriteOperationFactory.Describe(operation.Entry, operation.Resource), KeyOf(operation.Entry, row));
                }
            }
        }

        return refused;
    }

    /// <summary>
    ///     Per entry, either acceptance (everything of it succeeded) or the original values of the parts that did (a region
    ///     transferred, a tag gained, the fields a PUT carried), so that only what failed stays pending.
    /// </summary>
    private void Settle(
        IList<IUpdateEntry> entries,
        List<ApiWriteOperation> operations,
        List<MembershipChange> memberships,
        ConcurrentDictionary<ApiWriteOperation, WriteAnswer> answers,
        ConcurrentDictionary<MembershipChange, string> settledMemberships,
        List<SaveFailure> failures)
    {
        var failedEntries = failures.Select(f => f.Entry).ToHashSet();
        var operationsByEntry = operations.ToLookup(o => o.Entry);
        var membershipsByEntry = memberships.ToLookup(m => m.Entry);
        foreach (var entry in entries)
        {
            var succeeded = operationsByEntry[entry].Where(answers.ContainsKey).ToList();
            var entryMemberships = membershipsByEntry[entry]
                .Where(settledMemberships.ContainsKey)
                .Select(m => (m, settledMemberships[m]))
                .ToList();
            var complete = !failedEntries.Contains(entry)
                && succeeded.Count == operationsByEntry[entry].Count()
                && entryMemberships.Count == membershipsByEntry[entry].Count();
            if (complete || succeeded.Count > 0 || entryMemberships.Count > 0)
            {
                EntrySettlement.Settle(entry, resources.Get(entry.EntityType), succeeded, entryMemberships, complete);
            }
        }
    }

    private static DigitalOceanApiException? Refusal(ApiWriteOperation operation, ResourceRow row)
    {
        var entry = (InternalEntityEntry)operation.Entry;
        var key = KeyOf(entry, row);
        if (operation.Kind == ApiWriteKind.Update && ApiResource.KeySegment(key) != operation.KeySegment)
        {
            return new DigitalOceanApiException(
                DigitalOceanStrings.UpdateAnsweredWithOtherItem(ApiWriteOperationFactory.Describe(entry, operation.Resource), key),
                HttpStatusCode.OK);
        }

        return operation.Kind == ApiWriteKind.Create
            && entry.StateManager.TryGetEntry(entry.EntityType.FindPrimaryKey()!, [key]) is { } tracked && tracked != entry
                ? new DigitalOceanApiException(
                    DigitalOceanStrings.CreateAnsweredWithTrackedId(ApiWriteOperationFactory.Describe(entry, operation.Resource), key),
                    HttpStatusCode.Accepted)
                : null;
    }

    private static object KeyOf(IUpdateEntry entry, ResourceRow row)
        => row[entry.EntityType.FindPrimaryKey()!.Properties[0].GetIndex()]!;

    private static object Entity(ApiWriteOperation operation) => ((InternalEntityEntry)operation.Entry).Entity;

    private async Task<WriteAnswer> ExecuteAsync(ApiWriteOperation operation, CancellationToken cancellationToken)
    {
        var resource = operation.Resource;
        var rows = ResourceRowReader.For(operation.Entry.EntityType, resource);
        switch (operation.Kind)
        {
            case ApiWriteKind.Create:
                return await CreateAsync(operation, resource, rows, cancellationToken).ConfigureAwait(false);
            case ApiWriteKind.Update:
                return new WriteAnswer(
                    await client.UpdateAsync(resource, operation.KeySegment!, operation.JsonBody!, rows, cancellationToken).ConfigureAwait(false));
            case ApiWriteKind.Action:
                return new WriteAnswer(null) { Action = await StartActionAsync(operation, cancellationToken).ConfigureAwait(false) };
            default:
                await client.DeleteAsync(resource, operation.KeySegment!, cancellationToken).ConfigureAwait(false);
                return new WriteAnswer(null);
        }
    }

    /// <summary>
    ///     A create whose earlier outcome is unknown is looked for first: one match is adopted instead of being created again,
    ///     several fail the entry and send nothing. A create whose answer is lost now is remembered as in doubt.
    /// </summary>
    private async Task<WriteAnswer> CreateAsync(
        ApiWriteOperation operation, ApiResource resource, ResourceRowReader rows, CancellationToken cancellationToken)
    {
        var entity = Entity(operation);
        if (_inDoubt.FirstSent(entity) is { } firstSent)
        {
            var matches = await InDoubtCreateLookup.FindAsync(client, operation.Entry, resource, firstSent, cancellationToken)
                .ConfigureAwait(false);
            if (matches.Count == 1)
            {
                return new WriteAnswer(matches[0], Adopted: true);
            }

            if (matches.Count > 1)
            {
                throw new DigitalOceanApiException(
                    DigitalOceanStrings.AmbiguousInDoubtCreate(
                        ApiWriteOperationFactory.Describe(operation.Entry, resource), matches.Select(m => KeyOf(operation.Entry, m))),
                    HttpStatusCode.OK);
            }
        }

        var sentAt = client.TimeProvider.GetUtcNow();
        try
        {
            return new WriteAnswer(
                await client.CreateAsync(resource, operation.JsonBody!, rows, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (MayHaveBeenApplied(exception))
        {
            _inDoubt.Remember(entity, sentAt);
            throw;
        }
    }

    /// <summary>
    ///     Starts an action, unless an earlier POST of the same action had an unknown outcome: then the item's actions are
    ///     listed first, and one of the same type (and region) started no earlier than that POST, less the clock margin, is
    ///     adopted instead of started again; several fail the entry and send nothing.
    /// </summary>
    private async Task<StartedAction> StartActionAsync(ApiWriteOperation operation, CancellationToken cancellationToken)
    {
        var itemPath = operation.Resource.ItemPath(operation.KeySegment!);
        var actionsPath = itemPath + "/" + operation.Resource.ActionsPath;
        var entity = Entity(operation);
        if (_inDoubtActions.FirstSent(entity, operation.JsonBody!) is { } firstSent)
        {
            var matches = await FindStartedActionsAsync(actionsPath, operation, firstSent, cancellationToken).ConfigureAwait(false);
            if (matches.Count == 1)
            {
                _inDoubtActions.Forget(entity, operation.JsonBody!);
                return matches[0];
            }

            if (matches.Count > 1)
            {
                throw new DigitalOceanApiException(
                    DigitalOceanStrings.AmbiguousInDoubtAction(
                        ApiWriteOperationFactory.Describe(operation.Entry, operation.Resource), matches.Select(m => (object)m.Id)),
                    HttpStatusCode.OK);
            }
        }

        var sentAt = client.TimeProvider.GetUtcNow();
        ActionBody? answer;
        try
        {
            answer = await client.SendAsync(
                    HttpMethod.Post, actionsPath, operation.JsonBody, JsonBodies.Reader(DigitalOceanJsonContext.Default.ActionBody),
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (MayHaveBeenApplied(exception))
        {
            _inDoubtActions.Remember(entity, operation.JsonBody!, sentAt);
            throw;
        }

        var action = answer?.Action
            ?? throw new DigitalOceanApiException(DigitalOceanStrings.ActionAnswerWithoutAction(itemPath), HttpStatusCode.Created);
        _inDoubtActions.Forget(entity, operation.JsonBody!);
        return new StartedAction(action.Id, action.Type ?? "", action.RegionSlug);
    }

    /// <summary>The item's actions that an in-doubt POST of <paramref name="operation" />'s body may have started.</summary>
    private async Task<List<StartedAction>> FindStartedActionsAsync(
        string actionsPath, ApiWriteOperation operation, DateTimeOffset firstSent, CancellationToken cancellationToken)
    {
        using var sent = System.Text.Json.JsonDocument.Parse(operation.JsonBody!);
        var type = sent.RootElement.GetProperty("type").GetString();
        var region = operation.Settles is (_, string value) ? value : null;
        var page = await client.SendAsync(
                HttpMethod.Get, actionsPath + "?per_page=200&page=1", null, JsonBodies.Reader(DigitalOceanJsonContext.Default.ActionsPage),
                cancellationToken)
            .ConfigureAwait(false);
        var notBefore = firstSent - InDoubtCreateLookup.ClockSkew;
        return [.. (page?.Actions ?? [])
            .Where(a => a.Type == type && a.Status != ImageActionStatuses.Errored && a.StartedAt >= notBefore
                && (operation.Settles?.Value is not string || a.RegionSlug == region))
            .Select(a => new StartedAction(a.Id, a.Type!, a.RegionSlug))];
    }

    /// <summary>
    ///     The response is the server's truth: its values (the real id in place of the temporary one, the status, the creation
    ///     time…) replace the entry's. Only the key is store-generated in EF's sense; the rest are plain current values, which
    ///     EF accepts as original values once the save is over. A change an action or a membership carries out keeps the value
    ///     asked for: the PUT's answer predates it.
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
                entityEntry.Property(property.Name).CurrentValue = value;
            }
        }
    }

    /// <summary>
    ///     Only a 4xx says that the API refused the request before doing anything. A server error, a success whose body could
    ///     not be read, a lost answer or a cancellation while the request was in flight say nothing about whether it was
    ///     carried out.
    /// </summary>
    private static bool MayHaveBeenApplied(Exception exception)
        => exception is TimeoutException or HttpRequestException or OperationCanceledException
            || exception is DigitalOceanApiException { StatusCode: < HttpStatusCode.BadRequest or >= HttpStatusCode.InternalServerError };

    private DbUpdateException CreateException(List<SaveFailure> failures, int attempted)
    {
        var failedEntries = failures.Select(f => f.Entry).Distinct().ToList();
        var message = new StringBuilder()
            .Append(attempted - failedEntries.Count).Append(" of ").Append(attempted)
            .Append(" changes were saved and accepted; these failed and keep their state, so SaveChanges can retry them:");
        foreach (var failure in failures)
        {
            message.AppendLine().Append("  ").Append(ApiWriteOperationFactory.Describe(failure.Entry, failure.Resource)).Append(" (")
                .Append(failure.Write).Append("): ").Append(failure.Exception.Message);
            var entity = ((InternalEntityEntry)failure.Entry).Entity;
            if (failure.IsCreate && _inDoubt.FirstSent(entity) is not null)
            {
                message.Append(' ').Append(DigitalOceanStrings.CreateInDoubt);
            }
            else if (failure.ActionBody is { } body && _inDoubtActions.FirstSent(entity, body) is not null)
            {
                message.Append(' ').Append(DigitalOceanStrings.ActionInDoubt);
            }
        }

        var inner = failures.Count == 1 ? failures[0].Exception : new AggregateException(failures.Select(f => f.Exception));
        return failures.All(f => f.Exception is DigitalOceanApiException { StatusCode: HttpStatusCode.NotFound })
            ? new DbUpdateConcurrencyException(message.ToString(), inner, failedEntries)
            : new DbUpdateException(message.ToString(), inner, failedEntries);
    }
}
