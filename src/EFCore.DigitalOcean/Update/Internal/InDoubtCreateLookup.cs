using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Query;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     Finds the items an in-doubt create may have made: the caller's own items (<c>private=true</c>, narrowed by the first
///     tag when the new item has tags) that carry every value the create sent and were created no earlier than its first
///     attempt, less a margin for a server clock behind this machine's. Looking costs a listing of one's own items; creating
///     twice costs an import and storage, and is not undone by retrying.
/// </summary>
internal static class InDoubtCreateLookup
{
    /// <summary>How far the server's clock may be behind this machine's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static async Task<List<ResourceRow>> FindAsync(
        DigitalOceanClient client, IUpdateEntry entry, ApiResource resource, DateTimeOffset firstSent, CancellationToken cancellationToken)
    {
        var entityType = entry.EntityType;
        var expected = SentValues(entry, resource);
        // The caller's own items, narrowed by the first list filter the new item has a value for (its first tag), when the
        // resource's filters combine with its scope; else the scope alone.
        var filters = new List<KeyValuePair<string, string>>();
        if (resource.Scopes.FirstOrDefault(s => s == ListScope.PrivateOnly) is { } own)
        {
            filters.Add(new(own.Parameter, own.Value));
        }

        foreach (var filter in resource.Filters.Where(f => f.Operator == ApiFilterOperator.Contains))
        {
            if (entry.GetCurrentValue(entityType.FindProperty(filter.Property)!) is IReadOnlyList<string> { Count: > 0 } values)
            {
                filters.Add(new(filter.Parameter, values[0]));
                break;
            }
        }

        var createdAtSlot = resource.CreatedAtProperty is { } createdAt ? entityType.FindProperty(createdAt)!.GetIndex() : -1;
        var notBefore = firstSent - ClockSkew;
        var matches = new List<ResourceRow>();
        var request = new ApiListRequest(resource, filters, client.PageSize);
        await foreach (var row in client.ListAsync(request, ResourceRowReader.For(entityType, resource), rowsAreTransient: false, readsToEnd: true, cancellationToken)
                           .ConfigureAwait(false))
        {
            if ((createdAtSlot < 0 || row[createdAtSlot] is DateTimeOffset created && created >= notBefore)
                && expected.TrueForAll(e => Holds(row[e.Slot], e.Value)))
            {
                matches.Add(row);
            }
        }

        return matches;
    }

    /// <summary>The values the create sends, each with the slot the server's item reads it back in.</summary>
    private static List<(int Slot, object Value)> SentValues(IUpdateEntry entry, ApiResource resource)
    {
        var values = new List<(int, object)>();
        foreach (var name in resource.CreateRequired.Concat(resource.CreateOptional))
        {
            var value = entry.GetCurrentValue(entry.EntityType.FindProperty(name)!);
            var readBackAs = resource.CreateEchoes.TryGetValue(name, out var echo) ? echo
                : resource.WriteOnly.Contains(name) ? null
                : name;
            if (value is not null and not IReadOnlyCollection<string> { Count: 0 } && readBackAs is not null)
            {
                values.Add((entry.EntityType.FindProperty(readBackAs)!.GetIndex(), value));
            }
        }

        return values;
    }

    /// <summary>A value sent is held by the item when equal, or contained in the list the item reads it back in.</summary>
    private static bool Holds(object? itemValue, object sent)
        => (sent, itemValue) switch
        {
            (string one, IEnumerable<string> list) => list.Contains(one, StringComparer.Ordinal),
            (IEnumerable<string> some, IEnumerable<string> list) => some.All(list.Contains),
            _ => Equals(itemValue, sent)
        };
}
