using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EFCore.DigitalOcean.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

/// <summary>One <see cref="RateLimitState" /> per token for the whole internal service provider.</summary>
internal sealed class RateLimitRegistry
{
    // Keyed by a hash, so that the registry keeps no token of a context that is long gone.
    private readonly ConcurrentDictionary<string, RateLimitState> _states = new();

    public RateLimitState For(string token)
        => _states.GetOrAdd(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))), static _ =>
        {
            var state = new RateLimitState();
            DigitalOceanTelemetry.Observe(state);
            return state;
        });
}

/// <summary>
///     Reads the rate-limit headers of every response and spaces requests out when few are left. Shared by contexts, so the
///     state is found by each request's token and the log goes to the logger of the context that sent it.
/// </summary>
internal sealed class RateLimitThrottleHandler(RateLimitRegistry registry, TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>The sending context's command logger, for the <c>RequestThrottled</c> event.</summary>
    public static readonly HttpRequestOptionsKey<IDiagnosticsLogger<DbLoggerCategory.Database.Command>> Logger
        = new("EFCore.DigitalOcean.Logger");

    private static readonly TimeSpan MaxSpacing = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = request.Headers.Authorization?.Parameter ?? "";
        var state = registry.For(token);

        // A probe measures the budget; it is not held back by it.
        var (delay, remaining) = RetryPolicy.IsSingleAttempt(request)
            ? (TimeSpan.Zero, 0)
            : state.DelayBeforeNextRequest(timeProvider.GetUtcNow(), MaxSpacing);
        if (delay > TimeSpan.Zero)
        {
            if (request.Options.TryGetValue(Logger, out var logger))
            {
                logger.RequestThrottled(remaining, delay);
            }

            DigitalOceanTelemetry.RecordThrottleWait(request);

            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        if (request.Options.TryGetValue(Logger, out var responseLogger))
        {
            foreach (var (name, value) in ResponseHeaders.Unusable(response, now))
            {
                responseLogger.ResponseHeaderIgnored(name, token.Length == 0 ? value : value.Replace(token, "***", StringComparison.Ordinal));
            }
        }

        state.Update(response, now);
        return response;
    }
}
