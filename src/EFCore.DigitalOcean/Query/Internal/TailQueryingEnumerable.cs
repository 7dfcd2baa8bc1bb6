using System.Collections;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     A query with a <see cref="MaterializedTail" />: gathers the materialized results of <paramref name="materialized" />, then
///     runs the tail over them with LINQ to Objects.
/// </summary>
internal sealed class TailQueryingEnumerable<TMaterialized, T>(
    ResourceQueryingEnumerable<TMaterialized> materialized,
    QueryContext queryContext,
    Func<QueryContext, IEnumerable<TMaterialized>, IEnumerable<T>> tail,
    IReadOnlyList<string> operations)
    : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    public IEnumerator<T> GetEnumerator() => tail(queryContext, materialized.ToList()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToQueryString()
        => materialized.ToQueryString() + Environment.NewLine + "-- then over the materialized results: " + string.Join(", ", operations);

    private async IAsyncEnumerable<T> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = new List<TMaterialized>();
        await foreach (var item in materialized.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        foreach (var result in tail(queryContext, items))
        {
            yield return result;
        }
    }
}
