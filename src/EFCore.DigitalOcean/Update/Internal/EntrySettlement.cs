using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     Makes an entry say what the server holds after its writes. When every write of the entry succeeded it is accepted
///     (<c>Unchanged</c>, or detached once deleted). When some failed, only what succeeded becomes the original values: a
///     region transferred, a tag gained or lost, the fields a PUT carried. The entry stays <c>Modified</c> in exactly what
///     failed, so SaveChanges sends only that again.
/// </summary>
internal static class EntrySettlement
{
    public static void Settle(
        IUpdateEntry entry,
        ApiResource resource,
        IReadOnlyCollection<ApiWriteOperation> succeeded,
        IReadOnlyCollection<(MembershipChange Change, string Name)> settledMemberships,
        bool everythingSucceeded)
    {
        var entityEntry = entry.ToEntityEntry();
        if (resource.Membership is { } membership && entry.IsModified(entry.EntityType.FindProperty(membership.Property)!))
        {
            // Names compare case-insensitively and show in the API's case: that of the names the item had, and of those gained.
            var property = entityEntry.Property(membership.Property);
            var canonical = ApiChangeWriteFactory.Values(property.OriginalValue).Concat(settledMemberships.Where(m => m.Change.Gained).Select(m => m.Name))
                .DistinctBy(v => v, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(v => v, v => v, StringComparer.OrdinalIgnoreCase);
            var current = ApiChangeWriteFactory.Values(property.CurrentValue);
            if (current.Any(v => canonical.TryGetValue(v, out var name) && name != v))
            {
                property.CurrentValue = (IReadOnlyList<string>)[.. current.Select(v => canonical.GetValueOrDefault(v, v))];
            }

            if (!everythingSucceeded)
            {
                var lost = settledMemberships.Where(m => !m.Change.Gained).Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var gained = settledMemberships.Where(m => m.Change.Gained).Select(m => m.Name);
                var original = ApiChangeWriteFactory.Values(property.OriginalValue).Where(v => !lost.Contains(v)).Concat(gained)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                Settle(property, original, ApiChangeWriteFactory.Values(property.CurrentValue).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(original));
            }
        }

        if (everythingSucceeded)
        {
            ((InternalEntityEntry)entry).AcceptChanges();
            return;
        }

        foreach (var operation in succeeded)
        {
            switch (operation.Kind)
            {
                case ApiWriteKind.Update:
                    foreach (var property in entry.EntityType.GetProperties().Where(p => resource.Updatable.Contains(p.Name) && entry.IsModified(p)))
                    {
                        var propertyEntry = entityEntry.Property(property.Name);
                        Settle(propertyEntry, propertyEntry.CurrentValue, fullySettled: true);
                    }

                    break;
                case ApiWriteKind.Action when operation.Settles is var (property, value):
                    var actionEntry = entityEntry.Property(property.Name);
                    if (actionEntry.CurrentValue is IReadOnlyList<string> current)
                    {
                        var original = ApiChangeWriteFactory.Values(actionEntry.OriginalValue);
                        var settled = current.Where(v => original.Contains(v) || Equals(v, value)).ToList();
                        Settle(actionEntry, settled, settled.Count == current.Count);
                    }
                    else
                    {
                        Settle(actionEntry, value, fullySettled: true);
                    }

                    break;
            }
        }
    }

    /// <summary>Makes <paramref name="original" /> the property's original value; unmodified once nothing of it is left to write.</summary>
    private static void Settle(PropertyEntry property, object? original, bool fullySettled)
    {
        property.OriginalValue = original;
        if (fullySettled)
        {
            property.IsModified = false;
        }
    }

}
