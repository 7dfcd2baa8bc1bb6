using System.Collections.Concurrent;
using System.Net;
using System.Text;
using EFCore.DigitalOcean.Infrastructure.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     SaveChanges for an API without transactions. Every entry is mapped and checked first, so a bad entry sends nothing.
///     Then the writes run concurrently (up to <c>MaxConcurrentRequests</c>). When some fail, the ones that succeeded are
///     accepted right away (they hold server values, or are detached once deleted) and the failed ones keep their state, so the
///     change tracker tells the truth and calling SaveChanges again retries exactly what failed.
/// </summary>
internal sealed class DigitalOceanUpdatePipeline(DigitalOceanClient client, IDbContextOptions options)
{
    private readonly int _maxConcurrentRequests = options.FindExtension<DigitalOceanOptionsExtension>()!.MaxConcurrentRequests;

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
        var serverRows = new ConcurrentDictionary<ApiWriteOperation, ValueBuffer>();
        var failures = await RunAsync(
                operations,
                async (operation, token) =>
                {
                    if (await ExecuteAsync(operation, token).ConfigureAwait(false) is { } row)
                    {
                        serverRows[operation] = row;
                    }
                },
                cancellationToken)
            .ConfigureAwait(false);

        foreach (var (operation, row) in serverRows)
        {
            ApplyServerValues(operation.Entry, row);
        }

        if (failures.Count == 0)
        {
            return operations.Count;
        }

        foreach (var operation in operations.Where(o => !failures.Any(f => f.Operation == o)))
        {
            ((InternalEntityEntry)operation.Entry).AcceptChanges();
        }

        throw CreateException(failures, operations.Count);
    }

    /// <summary>Runs operations with bounded concurrency and returns those that failed; cancellation stops the rest.</summary>
    public async Task<List<WriteFailure<T>>> RunAsync<T>(
        IReadOnlyList<T> operations, Func<T, CancellationToken, Task> execute, CancellationToken cancellationToken)
    {
        var failures = new List<WriteFailure<T>>();
        await Parallel.ForEachAsync(
                operations,
                new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrentRequests, CancellationToken = cancellationToken },
                async (operation, token) =>
                {
                    try
                    {
                        await execute(operation, token).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is DigitalOceanApiException or HttpRequestException)
                    {
                        lock (failures)
                        {
                            failures.Add(new WriteFailure<T>(operation, exception));
                        }
                    }
                })
            .ConfigureAwait(false);
        return failures;
    }

    private async Task<ValueBuffer?> ExecuteAsync(ApiWriteOperation operation, CancellationToken cancellationToken)
    {
        var entityType = operation.Entry.EntityType;
        var resource = ApiResources.Get(entityType);
        var rows = ResourceRowReader.For(entityType);
        switch (operation.Kind)
        {
            case ApiWriteKind.Create:
                return await client.CreateAsync(resource, operation.JsonBody!, rows, cancellationToken).ConfigureAwait(false);
            case ApiWriteKind.Update:
                return await client.UpdateAsync(resource, operation.Id!.Value, operation.JsonBody!, rows, cancellationToken)
                    .ConfigureAwait(false);
            default:
                await client.DeleteAsync(resource, operation.Id!.Value, cancellationToken).ConfigureAwait(false);
                return null;
        }
    }

    /// <summary>The response is the server's truth: its values (the new id, status, creation time…) replace the entry's.</summary>
    private static void ApplyServerValues(IUpdateEntry entry, ValueBuffer row)
    {
        var resource = ApiResources.Get(entry.EntityType);
        foreach (var property in entry.EntityType.GetProperties())
        {
            if (!resource.WriteOnly.Contains(property.Name))
            {
                entry.SetStoreGeneratedValue(property, row[property.GetIndex()], setModified: false);
            }
        }
    }

    private static DbUpdateException CreateException(List<WriteFailure<ApiWriteOperation>> failures, int attempted)
    {
        var message = new StringBuilder()
            .Append(attempted - failures.Count).Append(" of ").Append(attempted)
            .Append(" changes were saved and accepted; these failed and keep their state, so SaveChanges can retry them:");
        foreach (var failure in failures)
        {
            message.AppendLine().Append("  ").Append(ApiWriteOperationFactory.Describe(failure.Operation.Entry)).Append(" (")
                .Append(failure.Operation.Method).Append("): ").Append(failure.Exception.Message);
        }

        var entries = failures.Select(f => f.Operation.Entry).ToList();
        var inner = failures.Count == 1 ? failures[0].Exception : new AggregateException(failures.Select(f => f.Exception));
        return failures.All(f => f.Exception is DigitalOceanApiException { StatusCode: HttpStatusCode.NotFound })
            ? new DbUpdateConcurrencyException(message.ToString(), inner, entries)
            : new DbUpdateException(message.ToString(), inner, entries);
    }
}

/// <summary>An operation that failed, with why.</summary>
internal sealed record WriteFailure<T>(T Operation, Exception Exception);
