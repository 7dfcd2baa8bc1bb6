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

    private static readonly string[] RateLimitHeaders = [RateLimitLimit, RateLimitRemaining, RateLimitReset];

    /// <summary>The rate-limit window is an hour; a reset further ahead than this (clock skew included) is no reset time.</summary>
    private static readonly TimeSpan MaxResetAhead = TimeSpan.FromHours(2);

    /// <summary>A count (<c>ratelimit-limit</c>, <c>ratelimit-remaining</c>); null when absent or not a count from 0 to int.MaxValue.</summary>
    public static int? GetCount(HttpResponseMessage response, string name)
        => int.TryParse(Get(response, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary><c>ratelimit-reset</c> (Unix seconds) as a time; null when absent, or not a time within two hours of <paramref name="now" />.</summary>
    public static DateTimeOffset? GetResetTime(HttpResponseMessage response, DateTimeOffset now)
        => long.TryParse(Get(response, RateLimitReset), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= (now + MaxResetAhead).ToUnixTimeSeconds()
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;

    /// <summary>The rate-limit headers that are present but cannot be used, by name and value: a server's lie is ignored, never thrown.</summary>
    public static IEnumerable<(string Name, string Value)> Unusable(HttpResponseMessage response, DateTimeOffset now)
    {
        foreach (var name in RateLimitHeaders)
        {
            if (Get(response, name) is { } value
                && (name == RateLimitReset ? GetResetTime(response, now) is null : GetCount(response, name) is null))
            {
                yield return (name, value);
            }
        }
    }
}
