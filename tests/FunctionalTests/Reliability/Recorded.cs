using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>Picks requests out of <see cref="DigitalOceanFake.Requests" /> by what a test cares about.</summary>
internal static class Recorded
{
    /// <summary>Whether the request is a listing's page <paramref name="page" />.</summary>
    public static bool IsPage(this RecordedRequest request, int page)
        => request.Method == "GET" && request.Query.TryGetValue("page", out var value) && value == page.ToString();

    /// <summary>The statuses the fake answered for the requests that match, in arrival order.</summary>
    public static int[] Statuses(this IEnumerable<RecordedRequest> requests, Func<RecordedRequest, bool> match)
        => [.. requests.Where(match).Select(r => r.StatusCode)];

    public static int[] Statuses(this IEnumerable<RecordedRequest> requests, string method)
        => requests.Statuses(r => r.Method == method);
}
