using System.Globalization;
using System.Net;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EFCore.DigitalOcean.Diagnostics.Internal;

/// <summary>
///     Sends one cheap request (one item of a listing, tried once, never held back by the rate-limit spacing) with the
///     context's token and says why the API is or is not usable: Healthy; Degraded when the token's hourly budget is below
///     <paramref name="degradedBelow" /> of its limit, when the provider is spacing requests out, or when the budget is used
///     up; otherwise the failure status with the reason (unauthorized, forbidden, unreachable, timeout, an API error). The
///     remaining budget is in the result's data.
/// </summary>
internal sealed class DigitalOceanHealthCheck<TContext>(TContext context, double degradedBelow) : IHealthCheck
    where TContext : DbContext
{
    public const string ReasonKey = "reason";
    public const string LimitKey = "ratelimit-limit";
    public const string RemainingKey = "ratelimit-remaining";
    public const string ResetKey = "ratelimit-reset";
    public const string ThrottlingKey = "throttling";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext healthContext, CancellationToken cancellationToken = default)
    {
        var creator = (DigitalOceanDatabaseCreator)context.GetService<IDatabaseCreator>();
        var client = context.GetService<DigitalOceanClient>();
        using var operation = client.StartOperation(DigitalOceanOperationNames.HealthCheck, creator.ProbedResource);
        using var _ = DigitalOceanOperation.Enter(operation);
        var failureStatus = healthContext.Registration.FailureStatus;
        try
        {
            return Assess(await creator.ProbeAsync(singleAttempt: true, cancellationToken).ConfigureAwait(false));
        }
        catch (DigitalOceanApiException exception) when (exception.StatusCode == HttpStatusCode.TooManyRequests)
        {
            operation?.Fail(exception);
            return Result(HealthStatus.Degraded, "rate_limited", DigitalOceanStrings.HealthRateLimited, client.RateLimit(), exception);
        }
        catch (Exception exception) when (Reason(exception) is { } reason)
        {
            operation?.Fail(exception);
            return Result(failureStatus, reason.Id, reason.Description, client.RateLimit(), exception);
        }
    }

    private HealthCheckResult Assess(RateLimitSnapshot rateLimit)
    {
        if (rateLimit.Throttling)
        {
            return Result(HealthStatus.Degraded, "throttling", DigitalOceanStrings.HealthThrottling(rateLimit.Remaining), rateLimit);
        }

        if (rateLimit is { Remaining: { } remaining, Limit: { } limit } && remaining < degradedBelow * limit)
        {
            return Result(HealthStatus.Degraded, "low_budget", DigitalOceanStrings.HealthLowBudget(remaining, limit), rateLimit);
        }

        return Result(HealthStatus.Healthy, null, DigitalOceanStrings.HealthHealthy(rateLimit.Remaining), rateLimit);
    }

    private static (string Id, string Description)? Reason(Exception exception)
        => exception switch
        {
            DigitalOceanApiException { StatusCode: HttpStatusCode.Unauthorized } => ("unauthorized", DigitalOceanStrings.HealthUnauthorized),
            DigitalOceanApiException { StatusCode: HttpStatusCode.Forbidden } => ("forbidden", DigitalOceanStrings.HealthForbidden),
            DigitalOceanApiException api => ("api_error", DigitalOceanStrings.HealthApiError(api.Message)),
            HttpRequestException http => ("unreachable", DigitalOceanStrings.HealthUnreachable(http.Message)),
            TimeoutException timeout => ("timeout", DigitalOceanStrings.HealthTimeout(timeout.Message)),
            _ => null
        };

    private static HealthCheckResult Result(
        HealthStatus status, string? reason, string description, RateLimitSnapshot rateLimit, Exception? exception = null)
    {
        var data = new Dictionary<string, object>();
        if (reason is not null)
        {
            data[ReasonKey] = reason;
        }

        if (rateLimit.Limit is { } limit)
        {
            data[LimitKey] = limit;
        }

        if (rateLimit.Remaining is { } remaining)
        {
            data[RemainingKey] = remaining;
        }

        if (rateLimit.Reset is { } reset)
        {
            data[ResetKey] = reset.ToString("O", CultureInfo.InvariantCulture);
        }

        data[ThrottlingKey] = rateLimit.Throttling;
        return new HealthCheckResult(status, description, exception, data);
    }
}
