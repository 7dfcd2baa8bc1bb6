using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     The in-memory half of a query: LINQ operators over the rows the API returned, before any row becomes an entity. A row
///     that a filter drops is therefore never materialized or tracked. Each method has one signature so that the translator
///     can call it without overload resolution.
/// </summary>
internal static class RowOperators
{
    public static IAsyncEnumerable<ValueBuffer> Where(IAsyncEnumerable<ValueBuffer> rows, Func<ValueBuffer, bool> predicate)
        => rows.Where(predicate);

    public static IOrderedAsyncEnumerable<ValueBuffer> OrderBy<TKey>(
        IAsyncEnumerable<ValueBuffer> rows, Func<ValueBuffer, TKey> key, bool descending)
        => descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    public static IOrderedAsyncEnumerable<ValueBuffer> ThenBy<TKey>(
        IOrderedAsyncEnumerable<ValueBuffer> rows, Func<ValueBuffer, TKey> key, bool descending)
        => descending ? rows.ThenByDescending(key) : rows.ThenBy(key);

    public static IAsyncEnumerable<ValueBuffer> Skip(IAsyncEnumerable<ValueBuffer> rows, int count) => rows.Skip(count);

    public static IAsyncEnumerable<ValueBuffer> Take(IAsyncEnumerable<ValueBuffer> rows, int count) => rows.Take(count);

    public static IAsyncEnumerable<ValueBuffer> TakeLast(IAsyncEnumerable<ValueBuffer> rows, int count) => rows.TakeLast(count);

    public static IAsyncEnumerable<ValueBuffer> SkipWhile(IAsyncEnumerable<ValueBuffer> rows, Func<ValueBuffer, bool> predicate)
        => rows.SkipWhile(predicate);

    public static IAsyncEnumerable<ValueBuffer> TakeWhile(IAsyncEnumerable<ValueBuffer> rows, Func<ValueBuffer, bool> predicate)
        => rows.TakeWhile(predicate);

    public static IAsyncEnumerable<ValueBuffer> Reverse(IAsyncEnumerable<ValueBuffer> rows) => rows.Reverse();

    public static IAsyncEnumerable<ValueBuffer> DistinctBy<TKey>(IAsyncEnumerable<ValueBuffer> rows, Func<ValueBuffer, TKey> key)
        => rows.DistinctBy(key);

    /// <summary>
    ///     Reduces the rows to one row holding a single value: what Count, Sum, Max, Contains and the other aggregates become.
    ///     The values are gathered first and then handed to LINQ to Objects, which gives every aggregate its usual semantics.
    /// </summary>
    public static async IAsyncEnumerable<ValueBuffer> Aggregate<TValue, TResult>(
        IAsyncEnumerable<ValueBuffer> rows,
        Func<ValueBuffer, TValue> selector,
        Func<IEnumerable<TValue>, TResult> aggregate,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var values = new List<TValue>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            values.Add(selector(row));
        }

        yield return new ValueBuffer([aggregate(values)]);
    }
}
