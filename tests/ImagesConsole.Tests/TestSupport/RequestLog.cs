using System.Text.Json;
using EFCore.DigitalOcean.Testing;

namespace ImagesConsole.Tests.TestSupport;

/// <summary>Readable views of the requests a fake received, for exact assertions.</summary>
internal static class RequestLog
{
    /// <summary>Each request as <c>METHOD /path</c>, in arrival order.</summary>
    public static string[] Lines(DigitalOceanFake fake) => [.. fake.Requests.Select(r => $"{r.Method} {r.UnescapedPath}")];

    /// <summary>The decoded query parameters sorted by name, as <c>a=1&amp;b=2</c>, so the order they were sent in does not matter.</summary>
    public static string SortedQuery(RecordedRequest request)
        => string.Join("&", request.Query.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The paths of the requests with this method, sorted (concurrent requests arrive in any order).</summary>
    public static string[] SortedPaths(DigitalOceanFake fake, string method)
        => [.. fake.Requests.Where(r => r.Method == method).Select(r => r.UnescapedPath).Order(StringComparer.Ordinal)];

    /// <summary>The one request with this method; fails when there are none or several.</summary>
    public static RecordedRequest Single(DigitalOceanFake fake, string method) => Assert.Single(fake.Requests, r => r.Method == method);

    /// <summary>A request body's JSON properties, sorted by name, as <c>name=value</c> (arrays as JSON).</summary>
    public static string[] BodyFields(RecordedRequest request)
    {
        Assert.NotNull(request.Body);
        using var body = JsonDocument.Parse(request.Body);
        return
        [
            .. body.RootElement.EnumerateObject()
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"),
        ];
    }
}
