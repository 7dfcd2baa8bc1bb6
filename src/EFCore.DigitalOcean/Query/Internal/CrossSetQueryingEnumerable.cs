using System.Collections;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     The result of a query over several sets: each set's query runs once, one after the other (they share the context's
///     change tracker), then the sets are combined with LINQ to Objects.
/// </summary>
internal sealed class CrossSetQueryingEnumerable<T>(
    QueryContext queryContext,
    IReadOnlyList<CrossSetSource> sources,
    Func<QueryContext, IReadOnlyList<object>, IEnumerable<T>> combine,
    IReadOnlyList<string> operations)
    : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    public IEnumerator<T> GetEnumerator() => combine(queryContext, [.. sources.Select(s => s.Collect(queryContext))]).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToQueryString()
        => string.Join(Environment.NewLine, sources.Select(s => s.ToQueryString(queryContext)))
            + Environment.NewLine + "-- then the sets are combined in memory: " + string.Join(", ", operations);

    private async IAsyncEnumerable<T> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sets = new object[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            sets[i] = await sources[i].CollectAsync(queryContext, cancellationToken).ConfigureAwait(false);
        }

        foreach (var result in combine(queryContext, sets))
        {
            yield return result;
        }
    }
}
