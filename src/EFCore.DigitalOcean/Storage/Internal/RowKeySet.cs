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
internal sealed class RowKeySet<TKey>(int slot, int capacity) : RowKeySet
    where TKey : notnull
{
    private readonly HashSet<TKey> _keys = new(capacity);

    public override int Count => _keys.Count;

    public override bool Add(ResourceRow row) => _keys.Add(ReadTypedKey(row));

    public override object ReadKey(ResourceRow row) => ReadTypedKey(row);

    private TKey ReadTypedKey(ResourceRow row) => row.Read<TKey>(slot);
}
