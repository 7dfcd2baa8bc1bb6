using System.Collections;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     A list of strings read from the API (an image's regions or tags). Nothing outside it holds its array, so it never
///     changes: change tracking can keep it as its own snapshot instead of copying it (<see cref="StringListComparer" />).
/// </summary>
internal sealed class ReadOnlyStringList(string[] items) : IReadOnlyList<string>
{
    public static readonly ReadOnlyStringList Empty = new([]);

    public int Count => items.Length;

    public string this[int index] => items[index];

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether this list holds the very same string instances as <paramref name="other" />, in the same order.</summary>
    public bool HasSameItems(List<string> other)
    {
        if (other.Count != items.Length)
        {
            return false;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (!ReferenceEquals(items[i], other[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => "[" + string.Join(", ", items) + "]";
}
