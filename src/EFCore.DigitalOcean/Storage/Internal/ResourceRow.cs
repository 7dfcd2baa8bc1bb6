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
