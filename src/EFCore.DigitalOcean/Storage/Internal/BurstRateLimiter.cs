using System.Threading.RateLimiting;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The in-process pacing of one token's requests under the API's burst limit (250 a minute by default): a bucket of
///     permits (a tenth of the minute's requests), each of which comes back <see cref="ReuseAfter" /> after the
///     request that took it has ended, on the configured <see cref="TimeProvider" />. So a burst of a few goes out at once, and
///     after it the requests follow one another at the limit's pace. The longer a permit's turn, the less a request's own
///     duration, which the permit also waits out, slows the pace: with a tenth, a request of 300 ms costs 5% of the limit. No 60 seconds (the API's sliding window) ever hold more
///     than the limit: each permit is used at most a minute's worth of times in any minute, and since the time runs from the
///     end of a request, not its start, a request that was slow to arrive cannot bring the next one closer to it.
///     The permits and the queue of waiting requests are System.Threading.RateLimiting's <see cref="ConcurrencyLimiter" />;
///     its <see cref="TokenBucketRateLimiter" /> cannot be used here, since it counts time on the real clock even when
///     replenished by hand, and the pacing must follow the <see cref="TimeProvider" /> that tests advance.
/// </summary>
internal sealed class BurstRateLimiter : RateLimiter
{
    /// <summary>How many of a minute's requests may go out at once: a tenth (25 of the API's 250).</summary>
    private const int BurstShare = 10;

    private readonly ConcurrencyLimiter _permits;
    private readonly TimeProvider _clock;

    public BurstRateLimiter(int requestsPerMinute, TimeProvider clock)
    {
        var permits = Math.Max(1, requestsPerMinute / BurstShare);
        ReuseAfter = TimeSpan.FromMinutes(1) / (requestsPerMinute / permits);
        _clock = clock;
        _permits = new ConcurrencyLimiter(
            new ConcurrencyLimiterOptions
            {
                PermitLimit = permits,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst
            });
    }

    /// <summary>How long after its request a permit can be used again.</summary>
    public TimeSpan ReuseAfter { get; }

    public override TimeSpan? IdleDuration => _permits.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _permits.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Paced(_permits.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        => Paced(await _permits.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false));

    private RateLimitLease Paced(RateLimitLease lease) => lease.IsAcquired ? new DelayedReturnLease(lease, ReuseAfter, _clock) : lease;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _permits.Dispose();
        }

        base.Dispose(disposing);
    }
}
