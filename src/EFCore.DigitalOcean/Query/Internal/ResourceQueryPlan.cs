using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

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
    private readonly ApiValue? _tag = query.Tag;
    private readonly ApiValue? _pointReadId = query.PointReadId;
    private readonly ApiValue? _pointReadSlug = query.PointReadSlug;
    private readonly ApiValue? _limit = query.Limit;
    private readonly ServerAggregate _aggregate = query.ServerAggregate;
    private readonly IReadOnlyList<string> _inMemory = [.. query.ClientOperations];

    public async IAsyncEnumerable<ValueBuffer> FetchAsync(
        DigitalOceanQueryContext queryContext,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = queryContext.Client;
        var rows = ResourceRowReader.For(_entityType);
        if (PointReadSegment(queryContext) is { } segment)
        {
            if (segment.Length > 0 && await client.FindAsync(_resource, segment, rows, cancellationToken).ConfigureAwait(false) is { } item)
            {
                yield return item;
            }

            yield break;
        }

        if (_aggregate != ServerAggregate.None)
        {
            var total = await client.CountAsync(ListRequest(queryContext, client.PageSize), rows, cancellationToken).ConfigureAwait(false);
            yield return new ValueBuffer(
            [
                _aggregate switch
                {
                    ServerAggregate.Count => checked((int)total),
                    ServerAggregate.LongCount => total,
                    _ => total > 0
                }
            ]);
            yield break;
        }

        var request = ListRequest(queryContext, client.PageSize);
        if (request.Limit <= 0)
        {
            yield break;
        }

        await foreach (var row in client.ListAsync(request, rows, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>What <c>ToQueryString()</c> shows: the request the query sends first, and what runs in memory.</summary>
    public string Describe(QueryContext queryContext, int pageSize)
    {
        var text = new StringBuilder();
        if (PointReadSegment(queryContext) is { } segment)
        {
            text.Append("GET /").Append(_resource.CollectionPath).Append('/').Append(Uri.EscapeDataString(segment));
        }
        else
        {
            var request = ListRequest(queryContext, pageSize);
            text.Append("GET /").Append((_aggregate == ServerAggregate.None ? request : request with { PerPage = 1 }).PagePath(1));
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
            text.AppendLine().Append("-- @").Append(name).Append("='").Append(value is IFormattable formattable ? formattable.ToString(value is DateTimeOffset or DateTime ? "O" : null, CultureInfo.InvariantCulture) : value).Append('\'');
        }

        return text.ToString();
    }

    private string? PointReadSegment(QueryContext queryContext)
    {
        if (_pointReadId is { } id)
        {
            return id.ResolveInt64(queryContext)?.ToString(CultureInfo.InvariantCulture) ?? "";
        }

        if (_pointReadSlug is { } slug)
        {
            // "." and ".." would be normalized away by URI handling and reach another path; no image has such a slug.
            var value = slug.ResolveString(queryContext);
            return string.IsNullOrWhiteSpace(value) || value.Trim('.').Length == 0 ? "" : value;
        }

        return null;
    }

    private ApiListRequest ListRequest(QueryContext queryContext, int pageSize)
    {
        var filters = new List<KeyValuePair<string, string>>(1);
        if (_scope is not null)
        {
            filters.Add(new(_scope.Parameter, _scope.Value));
        }
        else if (_tag?.ResolveString(queryContext) is { } tag)
        {
            filters.Add(new(_resource.TagFilter.Parameter, tag));
        }

        var limit = _limit?.ResolveInt64(queryContext);
        var perPage = limit is > 0 ? (int)Math.Min(limit.Value, pageSize) : pageSize;
        return new ApiListRequest(_resource, filters, perPage, limit);
    }

}
