using System.Reflection;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     One item as the API returned it: a place in a <see cref="RowPage" />. A row is a pair of references, not an object, and
///     its values stay typed in the page's columns, so reading a page allocates no array and no box per item; the compiled
///     query reads each property with <see cref="Read{T}" />.
/// </summary>
internal readonly struct ResourceRow(RowPage page, int index)
{
    public static readonly MethodInfo ReadMethod = typeof(ResourceRow).GetMethod(nameof(Read))!;

    /// <summary>A row of one value: the result of a count or of an aggregate evaluated in memory.</summary>
    public static ResourceRow Scalar(object? value) => new(new RowPage([new[] { value }], count: 1), 0);

    /// <summary>The value in <paramref name="slot" /> (the property's index), typed as its column when the types agree.</summary>
    public T Read<T>(int slot)
        => page.Columns[slot] switch
        {
            T[] typed => typed[index],
            null => default!,
            var other => (T)other.GetValue(index)!
        };

    /// <summary>The value in <paramref name="slot" />, boxed: for code that handles values of any type.</summary>
    public object? this[int slot] => page.Columns[slot]?.GetValue(index);
}

/// <summary>
///     The rows of one response, column by column: one typed array per property (indexed by the property's index), none for a
///     property the API never returns.
/// </summary>
internal sealed class RowPage(Array?[] columns, int count = 0)
{
    private int _capacity = columns.FirstOrDefault(c => c is not null)?.Length ?? 0;

    public Array?[] Columns { get; } = columns;

    public int Count { get; private set; } = count;

    public ResourceRow this[int index] => new(this, index);

    /// <summary>Empties the page for reuse: no row of it may be read after this.</summary>
    public RowPage Clear()
    {
        foreach (var column in Columns)
        {
            if (column is not null)
            {
                Array.Clear(column, 0, Count);
            }
        }

        Count = 0;
        return this;
    }

    /// <summary>Makes room for one more row and returns its index; its values start as their types' defaults.</summary>
    public int Add()
    {
        if (Count == _capacity)
        {
            _capacity = Math.Max(4, _capacity * 2);
            for (var i = 0; i < Columns.Length; i++)
            {
                if (Columns[i] is { } full)
                {
                    var larger = Array.CreateInstanceFromArrayType(full.GetType(), _capacity);
                    Array.Copy(full, larger, Count);
                    Columns[i] = larger;
                }
            }
        }

        return Count++;
    }
}
