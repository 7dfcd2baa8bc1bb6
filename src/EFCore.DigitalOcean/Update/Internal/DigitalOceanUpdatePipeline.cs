using System.Collections.Concurrent;
using System.Net;
using System.Text;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     SaveChanges for an API without transactions. Every entry is mapped and checked first, so a bad entry sends nothing.
///     Then the writes run concurrently (up to <c>MaxConcurrentRequests</c>). When some fail, the ones that succeeded are
///     accepted right away (they hold server values, or are detached once deleted) and the failed ones keep their state, so the
///     change tracker tells the truth and calling SaveChanges again retries exactly what failed. That holds when the writes
///     are interrupted too (a cancellation, an unexpected exception): what completed is applied in a <c>finally</c>. A create
///     whose outcome is unknown is remembered, and looked for before it is ever sent again.
/// </summary>
internal sealed class DigitalOceanUpdatePipeline(DigitalOceanClient client, IDiagnosticsLogger<DbLoggerCategory.Update> logger)
{
    private readonly InDoubtCreates _inDoubt = new();

    public async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var operations = entries.Select(entry => ApiWriteOperationFactory.Create(entry, problems)).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "SaveChanges sent nothing, because the API cannot apply these changes:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        // Responses are collected and applied afterwards, on this thread: the change tracker is not thread-safe.
        var answers = new ConcurrentDictionary<ApiWriteOperation, WriteAnswer>();
        List<WriteFailure<ApiWriteOperation>>? failures = null;
        try
        {
            failures = await BoundedRunner.RunAsync(
                    operations,
                    client.MaxConcurrentRequests,
                    async (operation, token) => answers[operation] = await ExecuteAsync(operation, token).ConfigureAwait(false),
                    cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            // Whatever stopped the writes (a cancellation, an unexpected exception), what the server did is applied, so that
            // the tracker says what it holds and the next SaveChanges never repeats it.
            var refused = Apply(answers);
            if (failures is null)
            {
                AcceptChanges(answers.Keys.Except(refused.Select(f => f.Operation)));
            }
            else
            {
                failures.AddRange(refused);
            }
        }

        if (failures.Count == 0)
        {
            return operations.Count;
        }

        var failed = failures.Select(f => f.Operation).ToHashSet();
        AcceptChanges(operations.Where(o => !failed.Contains(o)));
        throw CreateException(failures, operations.Count);
    }

    private static void AcceptChanges(IEnumerable<ApiWriteOperation> operations)
    {
        foreach (var operation in operations)
        {
            ((InternalEntityEntry)operation.Entry).AcceptChanges();
        }
    }

    /// <summary>
    ///     Applies each answer to its entry. An answer EF cannot accept (an id the context tracks for another entity, an
    ///     update answered with another item) fails that entry alone, which keeps its state.
    /// </summary>
    private List<WriteFailure<ApiWriteOperation>> Apply(IEnumerable<KeyValuePair<ApiWriteOperation, WriteAnswer>> answers)
    {
        var refused = new List<WriteFailure<ApiWriteOperation>>();
        foreach (var (operation, answer) in answers)
        {
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
                continue;
            }

            ApplyServerValues(operation.Entry, row);
            if (operation.Kind == ApiWriteKind.Create)
            {
                _inDoubt.Forget(Entity(operation));
                if (answer.Adopted)
                {
                    logger.InDoubtCreateAdopted(ApiWriteOperationFactory.Describe(operation.Entry), KeyOf(operation.Entry, row));
                }
            }
        }

        return refused;
    }

    private static DigitalOceanApiException? Refusal(ApiWriteOperation operation, ResourceRow row)
    {
        var entry = (InternalEntityEntry)operation.Entry;
        var id = KeyOf(entry, row);
        var key = entry.EntityType.FindPrimaryKey()!;
        if (operation.Kind == ApiWriteKind.Update && id != operation.Id)
        {
            return new DigitalOceanApiException(
                DigitalOceanStrings.UpdateAnsweredWithOtherItem(ApiWriteOperationFactory.Describe(entry), id), HttpStatusCode.OK);
        }

        return operation.Kind == ApiWriteKind.Create && entry.StateManager.TryGetEntry(key, [id]) is { } tracked && tracked != entry
            ? new DigitalOceanApiException(
                DigitalOceanStrings.CreateAnsweredWithTrackedId(ApiWriteOperationFactory.Describe(entry), id), HttpStatusCode.Accepted)
            : null;
    }

    private static long KeyOf(IUpdateEntry entry, ResourceRow row)
        => row.Read<long>(entry.EntityType.FindPrimaryKey()!.Properties[0].GetIndex());

    private static object Entity(ApiWriteOperation operation) => ((InternalEntityEntry)operation.Entry).Entity;

    private async Task<WriteAnswer> ExecuteAsync(ApiWriteOperation operation, CancellationToken cancellationToken)
    {
        var entityType = operation.Entry.EntityType;
        var resource = ApiResources.Get(entityType);
        var rows = ResourceRowReader.For(entityType);
        switch (operation.Kind)
        {
            case ApiWriteKind.Create:
                return await CreateAsync(operation, resource, rows, cancellationToken).ConfigureAwait(false);
            case ApiWriteKind.Update:
                return new WriteAnswer(
                    await client.UpdateAsync(resource, operation.Id!.Value, operation.JsonBody!, rows, cancellationToken).ConfigureAwait(false));
            default:
                await client.DeleteAsync(resource, operation.Id!.Value, cancellationToken).ConfigureAwait(false);
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
            var matches = await InDoubtCreateLookup.FindAsync(client, operation.Entry, firstSent, cancellationToken).ConfigureAwait(false);
            if (matches.Count == 1)
            {
                return new WriteAnswer(matches[0], Adopted: true);
            }

            if (matches.Count > 1)
            {
                throw new DigitalOceanApiException(
                    DigitalOceanStrings.AmbiguousInDoubtCreate(
                        ApiWriteOperationFactory.Describe(operation.Entry), matches.Select(m => KeyOf(operation.Entry, m))),
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
    ///     The response is the server's truth: its values (the real id in place of the temporary one, the status, the creation
    ///     time…) replace the entry's. Only the key is store-generated in EF's sense; the rest are plain current values, which
    ///     EF accepts as original values once the save is over.
    /// </summary>
    private static void ApplyServerValues(IUpdateEntry entry, ResourceRow row)
    {
        var resource = ApiResources.Get(entry.EntityType);
        var entityEntry = entry.ToEntityEntry();
        foreach (var property in entry.EntityType.GetProperties())
        {
            var value = row[property.GetIndex()];
            if (property.Name == resource.KeyProperty)
            {
                entry.SetStoreGeneratedValue(property, value, setModified: false);
            }
            else if (!resource.WriteOnly.Contains(property.Name))
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

    private DbUpdateException CreateException(List<WriteFailure<ApiWriteOperation>> failures, int attempted)
    {
        var message = new StringBuilder()
            .Append(attempted - failures.Count).Append(" of ").Append(attempted)
            .Append(" changes were saved and accepted; these failed and keep their state, so SaveChanges can retry them:");
        foreach (var failure in failures)
        {
            message.AppendLine().Append("  ").Append(ApiWriteOperationFactory.Describe(failure.Operation.Entry)).Append(" (")
                .Append(failure.Operation.Method).Append("): ").Append(failure.Exception.Message);
            if (failure.Operation.Kind == ApiWriteKind.Create && _inDoubt.FirstSent(Entity(failure.Operation)) is not null)
            {
                message.Append(' ').Append(DigitalOceanStrings.CreateInDoubt);
            }
        }

        var entries = failures.Select(f => f.Operation.Entry).ToList();
        var inner = failures.Count == 1 ? failures[0].Exception : new AggregateException(failures.Select(f => f.Exception));
        return failures.All(f => f.Exception is DigitalOceanApiException { StatusCode: HttpStatusCode.NotFound })
            ? new DbUpdateConcurrencyException(message.ToString(), inner, entries)
            : new DbUpdateException(message.ToString(), inner, entries);
    }
}
