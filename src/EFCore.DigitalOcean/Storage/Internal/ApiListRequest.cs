using System.Globalization;
using System.Text;
using EFCore.DigitalOcean.Metadata.Internal;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     A list request: the resource, its filters and the page size. <paramref name="Limit" /> is how many items the query can
///     use at most, so that no page beyond it is fetched.
/// </summary>
internal sealed record ApiListRequest(
    ApiResource Resource,
    IReadOnlyList<KeyValuePair<string, string>> Filters,
    int PerPage,
    long? Limit = null)
{
    /// <summary>The path and query of one page, relative to the base address; values are escaped.</summary>
    public string PagePath(int page)
    {
        var path = new StringBuilder(Resource.CollectionPath).Append('?');
        foreach (var (name, value) in Filters)
        {
            path.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        return path.Append("per_page=").Append(PerPage.ToString(CultureInfo.InvariantCulture))
            .Append("&page=").Append(page.ToString(CultureInfo.InvariantCulture))
            .ToString();
    }
}
