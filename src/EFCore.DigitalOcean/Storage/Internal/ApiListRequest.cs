using System.Globalization;
using System.Text;
using EFCore.DigitalOcean.Metadata.Internal;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     A list request: the resource, its filters and the page size. <paramref name="Offset" /> items are skipped (pages before
///     the one that holds the first wanted item are never fetched) and <paramref name="Limit" /> is how many items the query
///     can use at most, so that no page beyond it is fetched. <paramref name="ParentSegment" /> is the parent item's key for a
///     resource listed per parent.
/// </summary>
internal sealed record ApiListRequest(
    ApiResource Resource,
    IReadOnlyList<KeyValuePair<string, string>> Filters,
    int PerPage,
    long Offset = 0,
    long? Limit = null,
    string? ParentSegment = null)
{
    /// <summary>The page that holds the first wanted item.</summary>
    public int FirstPage => (int)(Offset / PerPage) + 1;

    /// <summary>
    ///     The page size that reads the window of <paramref name="limit" /> items after <paramref name="offset" /> in as few
    ///     requests as possible: the smallest size whose one page holds the whole window, else the largest size, which needs
    ///     at most two requests for a window no larger than a page.
    /// </summary>
    public static int ChoosePageSize(long offset, long? limit, int maxPageSize)
    {
        if (limit is not > 0)
        {
            return maxPageSize;
        }

        for (var size = (int)Math.Min(limit.Value, maxPageSize); size <= maxPageSize; size++)
        {
            if (offset / size == (offset + limit.Value - 1) / size)
            {
                return size;
            }
        }

        return maxPageSize;
    }

    /// <summary>The path and query of one page, relative to the base address; values are escaped.</summary>
    public string PagePath(int page)
        => AppendFilteredPath(new StringBuilder())
            .Append("per_page=").Append(PerPage.ToString(CultureInfo.InvariantCulture))
            .Append("&page=").Append(page.ToString(CultureInfo.InvariantCulture))
            .ToString();

    /// <summary>The path and the filters, without page size or page: what every page of the listing shares.</summary>
    public string FilteredPath() => AppendFilteredPath(new StringBuilder()).ToString();

    private StringBuilder AppendFilteredPath(StringBuilder path)
    {
        path.Append(Resource.PathFor(ParentSegment)).Append('?');
        foreach (var (name, value) in Filters)
        {
            path.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        return path;
    }
}
