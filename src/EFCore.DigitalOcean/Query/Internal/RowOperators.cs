using System.Runtime.CompilerServices;
using EFCore.DigitalOcean.Storage.Internal;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     The in-memory half of a query: LINQ operators over the rows the API returned, before any row becomes an entity. A row
///     that a filter drops is therefore never materialized or tracked. Each method has one signature so that the translator
///     can call it without overload resolution.
/// </summary>
internal static class RowOperators
{
    public static IAsyncEnumerable<ResourceRow> Where(IAsyncEnumerable<ResourceRow> rows, Func<ResourceRow, bool> predicate)
        => rows.Where(predicate);

    public static IOrderedAsyncEnumerable<ResourceRow> OrderBy<TKey>(
        IAsyncEnumerable<ResourceRow> rows, Func<ResourceRow, TKey> key, bool descending)
        => descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    public static IOrderedAsyncEnumerable<ResourceRow> ThenBy<TKey>(
        IOrderedAsyncEnumerable<ResourceRow> rows, Func<ResourceRow, TKey> key, bool descending)
        => descending ? rows.ThenByDescending(key) : rows.ThenBy(key);

    public static IAsyncEnumerable<ResourceRow> Skip(IAsyncEnumerable<ResourceRow> rows, int count) => rows.Skip(count);

    public static IAsyncEnumerable<ResourceRow> Take(IAsyncEnumerable<ResourceRow> rows, int count) => rows.Take(count);

    public static IAsyncEnumerable<ResourceRow> TakeLast(IAsyncEnumerable<ResourceRow> rows, int count) => rows.TakeLast(count);

    public static IAsyncEnumerable<ResourceRow> SkipWhile(IAsyncEnumerable<ResourceRow> rows, Func<ResourceRow, bool> predicate)
        => rows.SkipWhile(predicate);

    public static IAsyncEnumerable<ResourceRow> TakeWhile(IAsyncEnumerable<ResourceRow> rows, Func<ResourceRow, bool> predicate)
        => rows.TakeWhile(predicate);

    public static IAsyncEnumerable<ResourceRow> Reverse(IAsyncEnumerable<ResourceRow> rows) => rows.Reverse();

    public static IAsyncEnumerable<ResourceRow> DistinctBy<TKey>(IAsyncEnumerable<ResourceRow> rows, Func<ResourceRow, TKey> key)
        => rows.DistinctBy(key);

    /// <summary>
    ///     Reduces the rows to one row holding a single value: what Count, Sum, Max, Contains and the other aggregates become.
    ///     The values are gathered first and then handed to LINQ to Objects, which gives every aggregate its usual semantics.
    /// </summary>
    public static async IAsyncEnumerable<ResourceRow> Aggregate<TValue, TResult>(
        IAsyncEnumerable<ResourceRow> rows,
        Func<ResourceRow, TValue> selector,
        Func<IEnumerable<TValue>, TResult> aggregate,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var values = new List<TValue>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            values.Add(selector(row));
        }

        yield return ResourceRow.Scalar(aggregate(values));
    }
}
