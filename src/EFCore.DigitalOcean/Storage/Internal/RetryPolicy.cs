using System.Globalization;
using System.Net;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Infrastructure.Internal;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The provider's retry and timeout policy, on Polly through Microsoft.Extensions.Http.Resilience. GET, PUT and DELETE are
///     retried on 429, 5xx other than 501, connection failures and attempt timeouts, with exponential backoff and jitter. A
///     POST is retried only on 429, which the API sends before doing anything: after a 5xx or a timeout the image may have
///     been created, and a second POST would import it twice. A 429 waits for <c>retry-after</c>, else <c>ratelimit-reset</c>.
/// </summary>
internal static class RetryPolicy
{
    /// <summary>Set on a request once it has been retried; a DELETE that then finds nothing has succeeded.</summary>
    public static readonly HttpRequestOptionsKey<bool> Retried = new("EFCore.DigitalOcean.Retried");

    /// <summary>Set on a request that must be tried once, neither retried nor spaced out (a health probe).</summary>
    public static readonly HttpRequestOptionsKey<bool> SingleAttempt = new("EFCore.DigitalOcean.SingleAttempt");

    private static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMinutes(2);

    /// <summary>The time limit of one attempt; it sits inside the rate-limit spacing so that a wait there does not use it up.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreateAttemptTimeout(DigitalOceanOptionsExtension options)
        => options.RequestTimeout == Timeout.InfiniteTimeSpan
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider }
                .AddTimeout(options.RequestTimeout)
                .Build();

    public static ResiliencePipeline<HttpResponseMessage> CreateRetry(DigitalOceanOptionsExtension options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(
                new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage(), args.Outcome)),
                    DelayGenerator = args => ValueTask.FromResult(RateLimitDelay(args.Outcome.Result, options.TimeProvider)),
                    OnRetry = args =>
                    {
                        if (args.Context.GetRequestMessage() is { } request)
                        {
                            request.Options.Set(Retried, true);
                            DigitalOceanTelemetry.RecordRetry(request);
                            if (request.Options.TryGetValue(RateLimitThrottleHandler.Logger, out var logger))
                            {
                                var outcome = args.Outcome.Result is { } response
                                    ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                                    : args.Outcome.Exception?.GetType().Name ?? "no response";
                                logger.RequestRetrying(
                                    request.Method.Method + " " + request.RequestUri?.PathAndQuery, args.AttemptNumber + 1, outcome, args.RetryDelay);
                            }
                        }

                        return ValueTask.CompletedTask;
                    }
                });
        }

        return builder.Build();
    }

    public static bool IsSingleAttempt(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(SingleAttempt, out var single) && single;

    private static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        if (IsSingleAttempt(request))
        {
            return false;
        }

        var status = outcome.Result?.StatusCode;
        if (status == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (request?.Method == HttpMethod.Post)
        {
            return false;
        }

        return outcome.Exception is HttpRequestException or TimeoutRejectedException
            || status is >= HttpStatusCode.InternalServerError and not HttpStatusCode.NotImplemented;
    }

    /// <summary>How long a 429 asks to wait; null lets the exponential backoff decide.</summary>
    private static TimeSpan? RateLimitDelay(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        if (response?.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - timeProvider.GetUtcNow());
            return Clamp(wait);
        }

        var now = timeProvider.GetUtcNow();
        if (ResponseHeaders.GetResetTime(response, now) is { } reset)
        {
            return Clamp(reset - now);
        }

        return null;
    }

    private static TimeSpan? Clamp(TimeSpan? wait)
        => wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRateLimitWait ? MaxRateLimitWait : wait;
}
