using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>
///     Asserts the requests a query sent. Each expected request is written as it would go on the wire, e.g.
///     <c>GET /v2/images?tag_name=a%26b&amp;per_page=200&amp;page=1</c>: the method, the path compared exactly (still escaped),
///     and the query parameters compared by name and unescaped value, in any order. Requests are compared as a multiset,
///     because the pages of a listing are fetched concurrently and may arrive in any order.
/// </summary>
public static class RequestAssert
{
    public static void Sent(IEnumerable<RecordedRequest> actual, params string[] expected)
        => Assert.Equal(
            expected.Select(Canonical).Order(StringComparer.Ordinal),
            actual.Select(r => Canonical(r.Method + " " + r.Path + r.QueryString)).Order(StringComparer.Ordinal));

    public static void NoneSent(IEnumerable<RecordedRequest> actual) => Assert.Empty(actual);

    /// <summary>The requests for pages 1 to <paramref name="count" /> of a listing, e.g. <c>Pages("GET /v2/images?per_page=200", 3)</c>.</summary>
    public static string[] Pages(string listRequest, int count)
        => [.. Enumerable.Range(1, count).Select(page => $"{listRequest}&page={page}")];

    /// <summary>Sorts the query parameters and re-escapes them uniformly, so that equal requests compare equal as text.</summary>
    private static string Canonical(string request)
    {
        var space = request.IndexOf(' ');
        var target = request[(space + 1)..];
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.UnescapeDataString(pair[0]), Value: pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value));
        return $"{request[..space]} {path}?{string.Join('&', parameters)}";
    }
}
