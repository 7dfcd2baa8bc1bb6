using System.Collections.Concurrent;
using System.Net;
using System.Text;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     SaveChanges for an API without transactions. Every entry is mapped and checked first, so a bad entry sends nothing.
///     Then the writes run concurrently (up to <c>MaxConcurrentRequests</c>). When some fail, the ones that succeeded are
///     accepted right away (they hold server values, or are detached once deleted) and the failed ones keep their state, so the
///     change tracker tells the truth and calling SaveChanges again retries exactly what failed.
/// </summary>
internal sealed class DigitalOceanUpdatePipeline(DigitalOceanClient client, ApiResourceTable resources)
{
    public async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var operations = entries.Select(entry => ApiWriteOperationFactory.Create(entry, resources.Get(entry.EntityType), problems)).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "SaveChanges sent nothing, because the API cannot apply these changes:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        // Responses are collected and applied afterwards, on this thread: the change tracker is not thread-safe.
        var serverRows = new ConcurrentDictionary<ApiWriteOperation, ResourceRow>();
        var failures = await BoundedRunner.RunAsync(
                operations,
                client.MaxConcurrentRequests,
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
            ApplyServerValues(operation, row);
        }

        if (failures.Count == 0)
        {
            return operations.Count;
        }

        var failed = failures.Select(f => f.Operation).ToHashSet();
        foreach (var operation in operations.Where(o => !failed.Contains(o)))
        {
            ((InternalEntityEntry)operation.Entry).AcceptChanges();
        }

        throw CreateException(failures, operations.Count);
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
            else if (!resource.WriteOnly.Contains(property.Name))
            {
                entityEntry.Property(property.Name).CurrentValue = value;
            }
        }
    }

    /// <summary>A server error or a lost answer says nothing about whether the request was carried out.</summary>
    private static bool MayHaveBeenApplied(Exception exception)
        => exception is TimeoutException or HttpRequestException
            || exception is DigitalOceanApiException { StatusCode: >= HttpStatusCode.InternalServerError };

    private static DbUpdateException CreateException(List<WriteFailure<ApiWriteOperation>> failures, int attempted)
    {
        var message = new StringBuilder()
            .Append(attempted - failures.Count).Append(" of ").Append(attempted)
            .Append(" changes were saved and accepted; these failed and keep their state, so SaveChanges can retry them:");
        foreach (var failure in failures)
        {
            message.AppendLine().Append("  ").Append(ApiWriteOperationFactory.Describe(failure.Operation.Entry, failure.Operation.Resource)).Append(" (")
                .Append(failure.Operation.Method).Append("): ").Append(failure.Exception.Message);
            if (failure.Operation.Kind == ApiWriteKind.Create && MayHaveBeenApplied(failure.Exception))
            {
                message.Append(" The API may have created the image anyway: look for it before saving again.");
            }
        }

        var entries = failures.Select(f => f.Operation.Entry).ToList();
        var inner = failures.Count == 1 ? failures[0].Exception : new AggregateException(failures.Select(f => f.Exception));
        return failures.All(f => f.Exception is DigitalOceanApiException { StatusCode: HttpStatusCode.NotFound })
            ? new DbUpdateConcurrencyException(message.ToString(), inner, entries)
            : new DbUpdateException(message.ToString(), inner, entries);
    }
}
