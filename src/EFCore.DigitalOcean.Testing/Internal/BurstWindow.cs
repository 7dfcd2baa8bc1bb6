namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The burst limit: at most <c>limit</c> requests in any <c>window</c> (a sliding one: each request counts for the window's
/// length on its own timer), on the fake's clock. Only accepted requests count; a 429 takes nothing from the window.
/// </summary>
internal sealed class BurstWindow(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _accepted = new();

    /// <summary>Counts a request now; false, with the seconds until the oldest counted request expires, when the window is full.</summary>
    public bool TryEnter(out int retryAfterSeconds)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            while (_accepted.TryPeek(out var oldest) && oldest + window <= now)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count < limit)
            {
                _accepted.Enqueue(now);
                retryAfterSeconds = 0;
                return true;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((_accepted.Peek() + window - now).TotalSeconds));
            return false;
        }
    }
}
