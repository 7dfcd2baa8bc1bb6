using System.Threading.RateLimiting;
using EFCore.DigitalOcean.Diagnostics.Internal;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Takes a permit for every attempt from the limiter of the request's token (<see cref="Limiter" />: the in-process
///     <see cref="BurstRateLimiter" /> or the application's own), waiting for one when the limiter says so, and gives it back
///     when the attempt has ended. Inside the retries, so that every retry takes a permit too; outside the attempt's timeout,
///     so that a wait here does not use it up.
/// </summary>
internal sealed class RequestPacingHandler(TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>The limiter the request takes its permit from; a request without one is not paced.</summary>
    public static readonly HttpRequestOptionsKey<RateLimiter> Limiter = new("EFCore.DigitalOcean.RateLimiter");

    /// <summary>
    ///     How long to wait before asking again a limiter that refused a permit without saying when to come back (those of
    ///     RedisRateLimiting refuse at once rather than queue).
    /// </summary>
    private static readonly TimeSpan RefusedPermitWait = TimeSpan.FromMilliseconds(100);

    /// <summary>A wait for a permit shorter than this is the limiter answering, not the request being held back.</summary>
    private static readonly TimeSpan CountedWait = TimeSpan.FromMilliseconds(10);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(Limiter, out var limiter))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // A probe measures the budget; it takes a permit when there is one, and is not held back when there is none.
        using var permit = RetryPolicy.IsSingleAttempt(request)
            ? limiter.AttemptAcquire()
            : await AcquireAsync(limiter, request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RateLimitLease> AcquireAsync(RateLimiter limiter, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            var permit = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (permit.IsAcquired)
            {
                if (timeProvider.GetElapsedTime(started) >= CountedWait)
                {
                    DigitalOceanTelemetry.RecordThrottleWait(request);
                }

                return permit;
            }

            var wait = permit.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
                ? retryAfter
                : RefusedPermitWait;
            permit.Dispose();
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
