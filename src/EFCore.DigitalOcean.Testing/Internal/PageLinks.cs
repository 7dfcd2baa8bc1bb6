using System.Globalization;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The <c>links.pages</c> object of a list answer. The spec says it holds "only the links that make
/// sense": the first page has next and last, a middle page all four, the last page first and prev.
/// </summary>
internal sealed record PageLinks(string? First, string? Prev, string? Next, string? Last, SinglePageLinks WhenSingle)
{
    public bool IsSinglePage => First is null && Prev is null && Next is null && Last is null;

    public static PageLinks Build(
        Uri baseAddress,
        string collection,
        IReadOnlyList<KeyValuePair<string, string>> callerQuery,
        Paging paging,
        int total,
        SinglePageLinks whenSingle)
    {
        var lastPage = Math.Max(1, (int)((total + (long)paging.PerPage - 1) / paging.PerPage));
        var page = paging.Page;

        // Links keep every parameter the caller sent (the filters) and replace page and per_page.
        var kept = callerQuery.Where(p => p.Key is not ("page" or "per_page")).ToList();
        var perPage = new KeyValuePair<string, string>("per_page", paging.PerPage.ToString(CultureInfo.InvariantCulture));
        string Url(int target)
        {
            var pageNumber = new KeyValuePair<string, string>("page", target.ToString(CultureInfo.InvariantCulture));
            return new Uri(baseAddress, collection.TrimStart('/') + "?" + QueryString.Encode([.. kept, pageNumber, perPage])).AbsoluteUri;
        }

        var hasPrevious = page > 1;
        var hasNext = page < lastPage;
        return new PageLinks(
            hasPrevious ? Url(1) : null,
            hasPrevious ? Url(page - 1) : null,
            hasNext ? Url(page + 1) : null,
            hasNext ? Url(lastPage) : null,
            whenSingle);
    }
}
