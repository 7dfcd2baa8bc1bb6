namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The hourly request budget reported in the <c>ratelimit-*</c> headers, and the burst limit beside it.</summary>
internal sealed class RateLimiter(int limit, int remaining, int? burstRetryAfterSeconds, TimeProvider clock)
{
    private int _remaining = Math.Max(0, remaining);

    public int Limit { get; } = limit;

    public int? BurstRetryAfterSeconds { get; } = burstRetryAfterSeconds;

    /// <summary>The per-minute limit, when the fake enforces one.</summary>
    public BurstWindow? Burst { get; init; }

    public int Remaining
    {
        get => Volatile.Read(ref _remaining);
        set => Volatile.Write(ref _remaining, Math.Max(0, value));
    }

    /// <summary>
    /// The real value is when the oldest counted request expires, one hour after it was made; with
    /// requests arriving now and then, "an hour from now" is the honest approximation.
    /// </summary>
    public long ResetUnixSeconds => clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds();

    /// <summary>Uses one request of the budget; false (and nothing used) when none is left.</summary>
    public bool TryConsume(out int remainingAfter)
    {
        while (true)
        {
            var current = Volatile.Read(ref _remaining);
            if (current <= 0)
            {
                remainingAfter = 0;
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current)
            {
                remainingAfter = current - 1;
                return true;
            }
        }
    }
}
