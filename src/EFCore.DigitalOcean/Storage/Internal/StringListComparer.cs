using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Compares and snapshots lists of strings (tags, regions) for change tracking. Strings are immutable, so a snapshot is
///     a plain copy of the list: one allocation and a block copy, instead of EF's general list comparer, which creates the
///     copy through <see cref="Activator" /> and snapshots each element through a delegate. A tracking query snapshots both
///     lists of every image it reads, so this is most of what tracking costs above EF's own entry.
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
