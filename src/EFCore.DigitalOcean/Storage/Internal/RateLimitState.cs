namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     What the API last said about one token's rate limit. DigitalOcean counts requests per token, so every context that
///     uses the same token shares one of these (kept by <see cref="RateLimitRegistry" />, keyed by a hash of the token).
/// </summary>
internal sealed class RateLimitState
{
    private static int _lastId;

    private readonly Lock _lock = new();
    private int? _limit;
    private int? _remaining;
    private DateTimeOffset _reset;
    private DateTimeOffset _lastSlot;

    /// <summary>A number that tells this token's state apart in telemetry; it says nothing about the token.</summary>
    public int Id { get; } = Interlocked.Increment(ref _lastId);

    /// <summary>What this token's recent listings answered as their totals, for fetching a repeated listing's pages at once.</summary>
    public ListingTotals ListingTotals { get; } = new();

    /// <summary>The last <c>ratelimit-remaining</c> the API sent for this token.</summary>
    public int? Remaining
    {
        get
        {
            lock (_lock)
            {
                return _remaining;
            }
        }
    }

    public void Update(HttpResponseMessage response, DateTimeOffset now)
    {
        var limit = ResponseHeaders.GetCount(response, ResponseHeaders.RateLimitLimit);
        var remaining = ResponseHeaders.GetCount(response, ResponseHeaders.RateLimitRemaining);
        var reset = ResponseHeaders.GetResetTime(response, now);
        if (remaining is null || reset is null)
        {
            return;
        }

        lock (_lock)
        {
            _limit = limit ?? _limit;
            _remaining = remaining;
            _reset = reset.Value;
        }
    }

    /// <summary>What the API last said, and whether requests are being spaced out now.</summary>
    public RateLimitSnapshot Snapshot(DateTimeOffset now)
    {
        lock (_lock)
        {
            var known = _remaining is not null;
            return new RateLimitSnapshot(
                _limit,
                _remaining,
                known ? _reset : null,
                Throttling: _remaining is { } remaining && _reset > now && IsLow(remaining, _limit));
        }
    }

    /// <summary>Fewer than a twentieth of the window's requests (and at most 10) left: the point where spacing starts.</summary>
    private static bool IsLow(int remaining, int? limit) => remaining <= Math.Max(10, (limit ?? 5000) / 20);

    /// <summary>
    ///     Once fewer than a twentieth of the window's requests are left, the rest are spread evenly until the window resets,
    ///     so a long listing or a bulk delete slows down instead of running into a storm of 429s. Each request reserves the slot
    ///     one spacing after the previous one, so concurrent requests are spaced from one another too, not sent together
    ///     after one wait.
    /// </summary>
    public (TimeSpan Delay, int Remaining) DelayBeforeNextRequest(DateTimeOffset now, TimeSpan maxSpacing)
    {
        lock (_lock)
        {
            if (_remaining is not { } remaining || _reset <= now || !IsLow(remaining, _limit))
            {
                _lastSlot = now;
                return (TimeSpan.Zero, _remaining ?? 0);
            }

            var spacing = (_reset - now) / (remaining + 1);
            var slot = _lastSlot + (spacing < maxSpacing ? spacing : maxSpacing);
            _lastSlot = slot > now ? slot : now;
            return (_lastSlot - now, remaining);
        }
    }
}
