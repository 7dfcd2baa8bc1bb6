using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     One set of a query over several sets: a query of its own, compiled by this provider with its own push-down, run once and
///     collected before the sets are combined in memory.
/// </summary>
internal abstract class CrossSetSource
{
    public abstract Task<object> CollectAsync(QueryContext queryContext, CancellationToken cancellationToken);

    public abstract object Collect(QueryContext queryContext);

    /// <summary>What the set's own query sends, without sending it.</summary>
    public abstract string ToQueryString(QueryContext queryContext);
}

/// <inheritdoc />
internal sealed class CrossSetSource<T>(Func<QueryContext, IEnumerable<T>>? sync, Func<QueryContext, IAsyncEnumerable<T>>? async)
    : CrossSetSource
{
    public override async Task<object> CollectAsync(QueryContext queryContext, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (var item in async!(queryContext).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    public override object Collect(QueryContext queryContext) => sync!(queryContext).ToList();

    public override string ToQueryString(QueryContext queryContext)
        => (async is null ? sync!(queryContext) : (object)async(queryContext)) is IQueryingEnumerable querying
            ? querying.ToQueryString()
            : "";
}
