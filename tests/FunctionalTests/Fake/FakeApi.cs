using System.Net;
using System.Text.Json;

namespace EFCore.DigitalOcean.FunctionalTests.Fake;

/// <summary>One raw exchange with the fake: the status, the headers and the parsed JSON body (if any).</summary>
internal sealed record FakeApi(HttpStatusCode Status, HttpResponseMessage Response, JsonElement Body)
{
    public static async Task<FakeApi> SendAsync(HttpClient client, HttpMethod method, string target)
    {
        using var request = new HttpRequestMessage(method, target);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new FakeApi(response.StatusCode, response, body);
    }

    public static Task<FakeApi> GetAsync(HttpClient client, string target) => SendAsync(client, HttpMethod.Get, target);

    public string? Header(string name) => Response.Headers.TryGetValues(name, out var values)
        ? string.Join(", ", values)
        : Response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues) : null;

    /// <summary>The <c>id</c> and <c>message</c> of an error body, after checking that its <c>request_id</c> is the answer's.</summary>
    public (string? Id, string? Message) Error()
    {
        Assert.Equal(Header("x-request-id"), Body.GetProperty("request_id").GetString());
        return (Body.GetProperty("id").GetString(), Body.GetProperty("message").GetString());
    }

    public string[] Strings(string listKey, string field)
        => [.. Body.GetProperty(listKey).EnumerateArray().Select(item => item.GetProperty(field).GetString()!)];

    public int Total => Body.GetProperty("meta").GetProperty("total").GetInt32();

    public string? Link(string name)
        => Body.TryGetProperty("links", out var links) && links.TryGetProperty("pages", out var pages)
            && pages.TryGetProperty(name, out var link)
                ? link.GetString()
                : null;

    public static string[] FieldNames(JsonElement item) => [.. item.EnumerateObject().Select(p => p.Name)];
}
