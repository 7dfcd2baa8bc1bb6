using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Compares and snapshots lists of strings (regions, tags) for change tracking. A list the provider read cannot change,
///     so it is its own snapshot; any other list (one the application assigned) is copied, so that a later change to it is
///     still seen. A tracking query thus copies no list for the images it reads.
/// </summary>
internal sealed class StringListComparer() : ValueComparer<IReadOnlyList<string>>(
    (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
    list => HashOf(list),
    list => list is ReadOnlyStringList ? list : new ReadOnlyStringList(list.ToArray()))
{
    private static int HashOf(IReadOnlyList<string> list)
    {
        var hash = new HashCode();
        foreach (var item in list)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
