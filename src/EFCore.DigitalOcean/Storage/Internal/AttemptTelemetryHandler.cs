using System.Diagnostics;
using EFCore.DigitalOcean.Diagnostics.Internal;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Records every attempt of a request on the provider's meter and on its operation's span: inside the retries and the
///     rate-limit spacing, so that each attempt is counted once and its duration does not include a wait before it.
/// </summary>
internal sealed class AttemptTelemetryHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            DigitalOceanTelemetry.RecordAttempt(request, null, exception, Stopwatch.GetElapsedTime(started));
            throw;
        }

        DigitalOceanTelemetry.RecordAttempt(request, response.StatusCode, null, Stopwatch.GetElapsedTime(started));
        return response;
    }
}
