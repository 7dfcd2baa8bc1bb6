using System.ComponentModel;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Compares and snapshots lists of strings (regions, tags) for change tracking. A list the provider read cannot change,
///     so it is its own snapshot; any other list (one the application assigned) is copied, so that a later change to it is
///     still seen. A tracking query thus copies no list for the images it reads.
/// </summary>
/// <remarks>
///     Public, and its expressions call only its public methods, because a compiled model writes those expressions out as C#
///     in the application's assembly.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StringListComparer() : ValueComparer<IReadOnlyList<string>>(
    (a, b) => AreEqual(a, b),
    list => HashOf(list),
    list => SnapshotOf(list))
{
    /// <summary>Whether both lists hold the same strings in the same order.</summary>
    public static bool AreEqual(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
        => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b));

    /// <summary>A hash of the strings in order.</summary>
    public static int HashOf(IReadOnlyList<string> list)
    {
        var hash = new HashCode();
        foreach (var item in list)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The list itself when the provider read it, otherwise a copy.</summary>
    public static IReadOnlyList<string> SnapshotOf(IReadOnlyList<string> list)
        => list is ReadOnlyStringList ? list : new ReadOnlyStringList(list.ToArray());
}
