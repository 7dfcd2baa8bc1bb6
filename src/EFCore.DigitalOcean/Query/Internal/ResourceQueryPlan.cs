using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     The request half of a compiled query, frozen. Each execution binds it to the parameter values of that execution and
///     fetches the rows: a point read, a server-side count, or a paged listing.
/// </summary>
internal sealed class ResourceQueryPlan(ResourceQueryExpression query)
{
    private readonly IEntityType _entityType = query.EntityType;
    private readonly ApiResource _resource = query.Resource;

    public ApiResource Resource => _resource;
    private readonly ListScope? _scope = query.Scope;
    private readonly IReadOnlyList<PushedFilter> _filters = [.. query.Filters];
    private readonly ApiValue? _parent = query.Parent;
    private readonly ApiValue? _pointReadId = query.PointReadId;
    private readonly ApiValue? _pointReadSlug = query.PointReadSlug;
    private readonly ApiValue? _pointReadIds = query.PointReadIds;
    private readonly ApiValue? _offset = query.Offset;
    private readonly ApiValue? _limit = query.Limit;
    private readonly ServerAggregate _aggregate = query.ServerAggregate;
    private readonly IReadOnlyList<string> _inMemory = [.. query.ClientOperations];
    private readonly ParameterDisplayNames _parameterNames = query.ParameterNames;
    private readonly bool _readsToEnd = query.ReadsToEnd;

    // A point read that becomes a listing (a null slug, a long id list) checks its condition in memory.
    private readonly bool _filtersInMemory = query.FiltersInMemory || query.IsPointRead;
    private int _fullListingAnnounced;

    /// <summary>
    ///     Chooses the requests for this execution's parameter values. Nothing is sent until the result is enumerated, and a
    ///     listing is the client's own stream, with no extra layer per row. <paramref name="rowsAreTransient" /> says that the
    ///     caller is done with each row before it asks for the next, so that a listing may reuse a read page for a later one.
    /// </summary>
    public IAsyncEnumerable<ResourceRow> Fetch(DigitalOceanQueryContext queryContext, bool rowsAreTransient)
    {
        var client = queryContext.Client;
        var rows = ResourceRowReader.For(_entityType, _resource);
        var parent = ParentSegment(queryContext);
        if (parent is "")
        {
            return AsyncEnumerable.Empty<ResourceRow>();
        }

        if (PointReadSegment(queryContext) is { } segment)
        {
            return segment.Length > 0 ? FindOneAsync(client, _resource.ItemPath(segment, parent), rows) : AsyncEnumerable.Empty<ResourceRow>();
        }

        if (PointReadIds(queryContext) is { } ids)
        {
            return FindManyAsync(client, [.. ids.Select(id => _resource.ItemPath(id, parent))], rows);
        }

        var request = ListRequest(queryContext, client.PageSize);
        if (_aggregate != ServerAggregate.None)
        {
            return CountAsync(client, request, rows);
        }

        if (request is null || request.Limit <= 0)
        {
            return AsyncEnumerable.Empty<ResourceRow>();
        }

        AnnounceFullListing(queryContext, request);
        return client.ListAsync(request, rows, rowsAreTransient, _readsToEnd);
    }

    /// <summary>
    ///     The one place that decides that a query lists the whole catalogue: here, with this execution's values, because a
    ///     point read can become a listing (a null slug, an id list longer than <see cref="MaxPointReads" />). Logged the first
    ///     time this compiled query does it; a warning configured to throw throws every time, before any request.
    /// </summary>
    private void AnnounceFullListing(QueryContext queryContext, ApiListRequest request)
    {
        if (request.Filters.Count > 0 || !_filtersInMemory || _resource.FullListing == FullListingPolicy.Silent
            || Volatile.Read(ref _fullListingAnnounced) != 0)
        {
            return;
        }

        queryContext.QueryLogger.FullListing(
            "/" + request.Resource.PathFor(request.ParentSegment), string.Join(", ", _inMemory), DigitalOceanStrings.NarrowBy(_resource));
        Volatile.Write(ref _fullListingAnnounced, 1);
    }

    private async IAsyncEnumerable<ResourceRow> FindOneAsync(
        DigitalOceanClient client,
        string itemPath,
        ResourceRowReader rows,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (await client.FindAsync(_resource, itemPath, rows, cancellationToken).ConfigureAwait(false) is { } item)
        {
            yield return item;
        }
    }

    /// <summary>One row holding the answer of a server-side Count, LongCount or Any.</summary>
    private async IAsyncEnumerable<ResourceRow> CountAsync(
        DigitalOceanClient client,
        ApiListRequest? request,
        ResourceRowReader rows,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Items skipped by a pushed Skip are not counted: meta.total less the offset.
        var total = request is null
            ? 0
            : Math.Max(0, await client.CountAsync(request, rows, cancellationToken).ConfigureAwait(false) - request.Offset);
        yield return ResourceRow.Scalar(
            _aggregate switch
            {
                ServerAggregate.Count => checked((int)total),
                ServerAggregate.LongCount => total,
                _ => total > 0
            });
    }

    /// <summary>Reads each key of a short key list, concurrently, and yields the ones that exist in the list's order.</summary>
    private async IAsyncEnumerable<ResourceRow> FindManyAsync(
        DigitalOceanClient client,
        IReadOnlyList<string> itemPaths,
        ResourceRowReader rows,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var found = new ResourceRow?[itemPaths.Count];
        await Parallel.ForEachAsync(
                Enumerable.Range(0, itemPaths.Count),
                new ParallelOptions { MaxDegreeOfParallelism = client.MaxConcurrentRequests, CancellationToken = cancellationToken },
                async (index, token) => found[index] = await client.FindAsync(_resource, itemPaths[index], rows, token).ConfigureAwait(false))
            .ConfigureAwait(false);

        foreach (var row in found)
        {
            if (row is { } item)
            {
                yield return item;
            }
        }
    }

    /// <summary>What <c>ToQueryString()</c> shows: the request the query sends first, and what runs in memory.</summary>
    public string Describe(QueryContext queryContext, int pageSize)
    {
        var text = new StringBuilder();
        var parent = ParentSegment(queryContext);
        if (parent is "")
        {
            text.Append(DigitalOceanStrings.NoRequestMatchesNothing(_resource.Name));
        }
        else if (PointReadIds(queryContext) is { } keys)
        {
            text.Append(string.Join(Environment.NewLine, keys.Select(key => "GET /" + _resource.ItemPath(key, parent))));
        }
        else if (PointReadSegment(queryContext) is { } segment)
        {
            text.Append("GET /").Append(_resource.ItemPath(segment, parent));
        }
        else if (ListRequest(queryContext, pageSize) is not { } request)
        {
            text.Append(DigitalOceanStrings.NoRequestMatchesNothing(_resource.Name));
        }
        else
        {
            text.Append("GET /").Append(
                _aggregate == ServerAggregate.None ? request.PagePath(request.FirstPage) : (request with { PerPage = 1 }).PagePath(1));
            if (_aggregate != ServerAggregate.None)
            {
                text.AppendLine().Append("-- answered from meta.total");
            }
            else
            {
                text.AppendLine().Append("-- further pages while the enumeration needs them, up to meta.total");
            }
        }

        if (_inMemory.Count > 0)
        {
            text.AppendLine().Append("-- evaluated in memory: ").Append(string.Join(", ", _inMemory));
        }

        foreach (var (name, value) in queryContext.Parameters)
        {
            text.AppendLine().Append("-- @").Append(_parameterNames.Display(name)).Append("='").Append(Format(value)).Append('\'');
        }

        return text.ToString();
    }

    /// <summary>The parent item's key as a path segment; "" when the query's value names no item, null without a parent.</summary>
    private string? ParentSegment(QueryContext queryContext)
        => _parent is { } parent ? parent.Resolve(queryContext) is { } key ? ApiResource.KeySegment(key) : "" : null;

    private string? PointReadSegment(QueryContext queryContext)
    {
        if (_pointReadId is { } id)
        {
            return id.Resolve(queryContext) is { } key ? ApiResource.KeySegment(key) : "";
        }

        if (_pointReadSlug is { } slug)
        {
            // Images without a slug are found by listing (the condition is checked in memory). A value that cannot be a slug
            // gives no result without a request: "." and ".." would be normalized away, and a proxy that decodes %2F would
            // route "../account" to another endpoint, with the token.
            return slug.ResolveString(queryContext) is { } value ? CanBeSlug(value) ? value : "" : null;
        }

        return null;
    }

    /// <summary>DigitalOcean slugs are lower-case words joined by '-' and '.'; these characters can never be in one.</summary>
    private static bool CanBeSlug(string value)
        => !string.IsNullOrWhiteSpace(value)
            && value.Trim('.').Length > 0
            && value.AsSpan().IndexOfAny("/\\%?#") < 0
            && !value.Any(char.IsControl);

    private static string? Format(object? value)
        => value switch
        {
            DateTimeOffset or DateTime => ((IFormattable)value).ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
            _ => value?.ToString()
        };

    private const int MaxPointReads = 20;

    /// <summary>
    ///     The distinct keys of a <c>keys.Contains(x.Key)</c> filter when there are few enough to read one by one; a longer
    ///     list is cheaper as a listing. Null keys name no item.
    /// </summary>
    private IReadOnlyList<string>? PointReadIds(QueryContext queryContext)
        => _pointReadIds?.Resolve(queryContext) is System.Collections.IEnumerable keys
            && keys.Cast<object?>().OfType<object>().Select(ApiResource.KeySegment).Distinct().ToList() is { Count: <= MaxPointReads } list
                ? list
                : null;

    /// <summary>
    ///     The listing to send, with the scope and the filters whose values this execution can send; null when a filter's value
    ///     matches nothing (a null or empty tag).
    /// </summary>
    private ApiListRequest? ListRequest(QueryContext queryContext, int pageSize)
    {
        var filters = new List<KeyValuePair<string, string>>(1);
        if (_scope is not null)
        {
            filters.Add(new(_scope.Parameter, _scope.Value));
        }

        foreach (var pushed in _filters)
        {
            switch (pushed.Filter.Resolve(pushed.Value.Resolve(queryContext), out var value))
            {
                case ApiFilterValueKind.MatchesNothing:
                    return null;
                case ApiFilterValueKind.Send:
                    filters.Add(new(pushed.Filter.Parameter, value));
                    break;
            }
        }

        var offset = Math.Max(0, _offset?.ResolveInt64(queryContext) ?? 0);
        var limit = _limit?.ResolveInt64(queryContext);
        return new ApiListRequest(
            _resource, filters, ApiListRequest.ChoosePageSize(offset, limit, pageSize), offset, limit, ParentSegment(queryContext));
    }

}
