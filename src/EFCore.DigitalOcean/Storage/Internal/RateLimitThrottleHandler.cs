using EFCore.DigitalOcean.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DigitalOcean.Storage.Internal;

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
