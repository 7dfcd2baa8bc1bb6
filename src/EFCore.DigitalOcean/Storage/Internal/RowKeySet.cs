using System.Numerics;
using System.Reflection;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The keys of the rows a listing has yielded, read from the key's column as its own type (a number is not boxed), so that
///     an item that moved to a later page while paging is yielded once.
/// </summary>
internal abstract class RowKeySet
{
    public abstract int Count { get; }

    /// <summary>False when a row with the same key was added before.</summary>
    public abstract bool Add(ResourceRow row);

    /// <summary>The key of a row, boxed: for code that handles keys of any type.</summary>
    public abstract object ReadKey(ResourceRow row);

    /// <summary>Makes sets of keys of <paramref name="keyType" /> read from <paramref name="slot" />; built once per entity type.</summary>
    public static Func<int, RowKeySet> Factory(Type keyType, int slot)
        => (Func<int, RowKeySet>)typeof(RowKeySet)
            .GetMethod(nameof(TypedFactory), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(keyType)
            .Invoke(null, [slot])!;

    private static Func<int, RowKeySet> TypedFactory<TKey>(int slot)
        where TKey : notnull
        => capacity => new RowKeySet<TKey>(slot, capacity);
}

/// <inheritdoc />
/// <remarks>
///     Kept in parts that each stay below the large object heap's threshold (85,000 bytes): a set sized for 10,000 keys in
///     one piece would be a new 160 KB array in that heap for every listing, which only a full collection frees, and large
///     object allocations are what start full collections.
/// </remarks>
internal sealed class RowKeySet<TKey> : RowKeySet
    where TKey : notnull
{
    private const int MaxPartCapacity = 4096;

    private readonly int _slot;
    private readonly HashSet<TKey>[] _parts;
    private int _count;

    public RowKeySet(int slot, int capacity)
    {
        _slot = slot;
        var parts = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, (capacity + MaxPartCapacity - 1) / MaxPartCapacity));
        _parts = new HashSet<TKey>[parts];
        for (var i = 0; i < parts; i++)
        {
            _parts[i] = new HashSet<TKey>(capacity / parts);
        }
    }

    public override int Count => _count;

    public override bool Add(ResourceRow row)
    {
        var key = ReadTypedKey(row);
        var part = _parts.Length == 1 ? _parts[0] : _parts[EqualityComparer<TKey>.Default.GetHashCode(key) & (_parts.Length - 1)];
        if (!part.Add(key))
        {
            return false;
        }

        _count++;
        return true;
    }

    public override object ReadKey(ResourceRow row) => ReadTypedKey(row);

    private TKey ReadTypedKey(ResourceRow row) => row.Read<TKey>(_slot);
}
