namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     A token's rate limit as the API last told it: <c>ratelimit-limit</c>, <c>ratelimit-remaining</c>,
///     <c>ratelimit-reset</c> (null until a response carried them), and whether the provider is spacing requests out.
/// </summary>
internal sealed record RateLimitSnapshot(int? Limit, int? Remaining, DateTimeOffset? Reset, bool Throttling);
