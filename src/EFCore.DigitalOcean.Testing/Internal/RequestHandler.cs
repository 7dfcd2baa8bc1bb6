using System.Globalization;
using System.Text;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The WireMock callback behind every request: record it, let a fault answer or handle it (token,
/// then rate limit, then the resource the path names), wait the configured latency, and add the headers every API
/// answer carries.
/// </summary>
internal sealed class RequestHandler(
    string accessToken,
    TimeSpan latency,
    TimeProvider clock,
    RateLimiter rateLimiter,
    RequestLog log,
    FaultRegistry faults,
    ApiRouter api,
    CancellationToken stopping)
{
    public async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var sequence = log.NextSequence();
        var exchange = Exchange.Current
            ?? throw new InvalidOperationException("The request did not pass through the fake's transport middleware.");
        var (path, rawQuery) = exchange.RawTarget();
        var pairs = QueryString.Parse(rawQuery);
        var call = new ApiCall(
            message.Method.ToUpperInvariant(), path, pairs, QueryString.FirstValues(pairs), ReadBody(message),
            Guid.NewGuid().ToString(), clock.GetUtcNow());
        var hadValidToken = IsAccepted(exchange.Authorization);
        var draft = new RecordedRequest(call.Method, path, rawQuery, call.Query, call.Body, hadValidToken, 0)
        {
            RequestId = call.RequestId,
            ReceivedAt = call.Now,
        };

        var fault = faults.Match(draft);
        var answersNormally = fault is null || fault.Kind == FaultKind.SlowResponse;
        var (handled, remaining) = answersNormally || fault!.ApplyBeforeFailing
            ? HandleNormally(call, hadValidToken)
            : (null, rateLimiter.Remaining);
        var response = answersNormally ? handled! : FaultResponses.Create(fault!, call, handled, () => api.Preview(call));

        log.Add(sequence, draft with { StatusCode = response.StatusCode });
        await DelayAsync(latency + (fault?.Delay ?? TimeSpan.Zero), exchange.Context.RequestAborted).ConfigureAwait(false);
        exchange.Transport = response.Transport;
        // HEAD is answered like the GET of the path, headers and status included, without the body.
        return ToWireMock(response with { Body = call.Method == "HEAD" ? null : response.Body }, call.RequestId, remaining);
    }

    // The budget belongs to a token, so a request without a valid one uses none of it.
    private (ApiResponse Response, int Remaining) HandleNormally(ApiCall call, bool hadValidToken)
    {
        if (!hadValidToken)
        {
            return (ApiResponse.Error(ApiError.Unauthorized, call.RequestId), rateLimiter.Remaining);
        }

        if (rateLimiter.Burst is { } burst && !burst.TryEnter(out var retryAfterSeconds))
        {
            return (ApiResponse.Error(ApiError.TooManyRequests, call.RequestId, retryAfterSeconds), rateLimiter.Remaining);
        }

        if (!rateLimiter.TryConsume(out var remaining))
        {
            return (ApiResponse.Error(ApiError.TooManyRequests, call.RequestId, rateLimiter.BurstRetryAfterSeconds), 0);
        }

        return (api.Handle(call), remaining);
    }

    private bool IsAccepted(string? authorization)
    {
        const string Scheme = "Bearer ";
        return authorization is not null
            && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(authorization[Scheme.Length..].Trim(), accessToken, StringComparison.Ordinal);
    }

    // Real time on purpose: the latency is for exercising timeouts and concurrency, even when the
    // fake's clock is a FakeTimeProvider that nobody advances.
    private async Task DelayAsync(TimeSpan delay, CancellationToken requestAborted)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);
        try
        {
            await Task.Delay(delay, cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the fake is stopping: answer now; the transport copes with a gone client.
        }
    }

    private static string? ReadBody(IRequestMessage message)
    {
        if (message.BodyAsBytes is { Length: > 0 } bytes)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return string.IsNullOrEmpty(message.Body) ? null : message.Body;
    }

    private ResponseMessage ToWireMock(ApiResponse response, string requestId, int remaining)
    {
        var message = new ResponseMessage
        {
            // A dropped connection sends no status at all; WireMock still wants one to set.
            StatusCode = response.StatusCode == 0 ? 500 : response.StatusCode,
            Headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase),
        };

        if (response.ContentType is not null)
        {
            message.AddHeader("Content-Type", response.ContentType);
        }

        if (response.FromApi)
        {
            message.AddHeader("ratelimit-limit", rateLimiter.Limit.ToString(CultureInfo.InvariantCulture));
            message.AddHeader("ratelimit-remaining", remaining.ToString(CultureInfo.InvariantCulture));
            message.AddHeader("ratelimit-reset", rateLimiter.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture));
            message.AddHeader("x-request-id", requestId);
        }

        if (response.Allow is not null)
        {
            message.AddHeader("Allow", response.Allow);
        }

        if (response.RetryAfterSeconds is { } seconds)
        {
            message.AddHeader("retry-after", seconds.ToString(CultureInfo.InvariantCulture));
        }

        if (response.Body is not null)
        {
            message.BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = response.Body };
        }

        return message;
    }
}
