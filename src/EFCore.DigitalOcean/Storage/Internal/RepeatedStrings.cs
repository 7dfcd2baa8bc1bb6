using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The strings and string lists that repeat from item to item of one page: an image's type, status, distribution,
///     region slugs and tag names, and lists of them. Each value is read into a string once per page, and each repeat is
///     that same string (or list); strings and the provider's lists cannot change, so sharing them is invisible. A page of
///     200 images then holds a few dozen of these strings instead of about a thousand, which also leaves less for the
///     garbage collector to move while a large listing is collected.
/// </summary>
/// <remarks>
///     One instance per thread, emptied when a page starts: a page is read in one synchronous pass, so no other page reads
///     into it meanwhile. Values that cannot repeat often (longer than <see cref="MaxLength" /> bytes, escaped) are read as
///     usual, and a page with more distinct values than there is room for reads the rest as usual too.
/// </remarks>
internal sealed class RepeatedStrings
{
    private const int MaxLength = 64;

    // Open addressing, at most half full: names are distinct, so a page of 200 items takes up to ~250 strings.
    private const int StringSlots = 512;
    private const int ListSlots = 128;

    [ThreadStatic]
    private static RepeatedStrings? t_current;

    private readonly int[] _stringHashes = new int[StringSlots];
    private readonly string?[] _strings = new string?[StringSlots];
    private readonly int[] _listHashes = new int[ListSlots];
    private readonly ReadOnlyStringList?[] _lists = new ReadOnlyStringList?[ListSlots];
    private int _stringCount;
    private int _listCount;

    /// <summary>This thread's instance, emptied for a new page.</summary>
    public static RepeatedStrings ForPage()
    {
        var current = t_current ??= new RepeatedStrings();
        current.Clear();
        return current;
    }

    /// <summary>The string at the reader; the instance read before when this page had the same one.</summary>
    public string? GetString(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || raw.Length > MaxLength)
        {
            return reader.GetString();
        }

        var hash = HashOf(raw);
        var slot = hash & (StringSlots - 1);
        while (_strings[slot] is { } candidate)
        {
            if (_stringHashes[slot] == hash && reader.ValueTextEquals(candidate))
            {
                return candidate;
            }

            slot = (slot + 1) & (StringSlots - 1);
        }

        var value = reader.GetString()!;
        if (_stringCount < StringSlots / 2)
        {
            _stringHashes[slot] = hash;
            _strings[slot] = value;
            _stringCount++;
        }

        return value;
    }

    /// <summary>A list of <paramref name="items" />; the list made before when this page had the same strings.</summary>
    public ReadOnlyStringList GetList(List<string> items)
    {
        if (items.Count == 0)
        {
            return ReadOnlyStringList.Empty;
        }

        // By reference: the items of a repeated list are the repeated strings themselves.
        var combined = new HashCode();
        foreach (var item in items)
        {
            combined.Add(RuntimeHelpers.GetHashCode(item));
        }

        var hash = combined.ToHashCode();
        var slot = hash & (ListSlots - 1);
        while (_lists[slot] is { } candidate)
        {
            if (_listHashes[slot] == hash && candidate.HasSameItems(items))
            {
                return candidate;
            }

            slot = (slot + 1) & (ListSlots - 1);
        }

        var list = new ReadOnlyStringList([.. items]);
        if (_listCount < ListSlots / 2)
        {
            _listHashes[slot] = hash;
            _lists[slot] = list;
            _listCount++;
        }

        return list;
    }

    private void Clear()
    {
        if (_stringCount > 0)
        {
            Array.Clear(_strings);
            _stringCount = 0;
        }

        if (_listCount > 0)
        {
            Array.Clear(_lists);
            _listCount = 0;
        }
    }

    private static int HashOf(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode();
    }
}
