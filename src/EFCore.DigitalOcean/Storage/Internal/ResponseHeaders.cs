using System.Globalization;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>The response headers the provider reads, and how: the first value, numbers in invariant culture.</summary>
internal static class ResponseHeaders
{
    public const string RateLimitLimit = "ratelimit-limit";
    public const string RateLimitRemaining = "ratelimit-remaining";
    public const string RateLimitReset = "ratelimit-reset";
    public const string RequestId = "x-request-id";

    public static string? Get(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public static long? GetInt64(HttpResponseMessage response, string name)
        => long.TryParse(Get(response, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
