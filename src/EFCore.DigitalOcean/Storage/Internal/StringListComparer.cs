using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Compares and snapshots lists of strings (tags, regions) for change tracking. Strings are immutable, so a snapshot is
///     a new list of the same strings, copied in one block, instead of what EF's general list comparer does: create the copy
///     through <see cref="Activator" /> and snapshot each element through a delegate. A tracking query snapshots both lists
///     of every image it reads.
/// </summary>
internal sealed class StringListComparer() : ValueComparer<List<string>>(
    (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
    list => HashOf(list),
    list => new List<string>(list))
{
    private static int HashOf(List<string> list)
    {
        var hash = new HashCode();
        foreach (var item in list)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
