using EFCore.DigitalOcean;
using EFCore.DigitalOcean.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The DigitalOcean health check, beside EF Core's <c>AddDbContextCheck</c>.</summary>
public static class DigitalOceanHealthChecksBuilderExtensions
{
    /// <summary>
    ///     Adds a health check that sends one cheap request with <typeparamref name="TContext" />'s token (one item of a
    ///     listing, tried once) and reports why the API is or is not usable. <see cref="HealthStatus.Healthy" />;
    ///     <see cref="HealthStatus.Degraded" /> when less than <paramref name="degradedBelow" /> of the token's hourly request
    ///     budget is left, when the provider is spacing requests out to stay within it, or when it is used up; otherwise
    ///     <paramref name="failureStatus" /> with the reason: the token refused (<c>unauthorized</c>, <c>forbidden</c>), the
    ///     API unreachable, a timeout, or an API error. The result's data holds <c>reason</c>, <c>ratelimit-limit</c>,
    ///     <c>ratelimit-remaining</c>, <c>ratelimit-reset</c> and <c>throttling</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name (default <c>DigitalOcean</c>).</param>
    /// <param name="failureStatus">The status when the API cannot be used (default <see cref="HealthStatus.Unhealthy" />).</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="degradedBelow">The share of the hourly budget below which the check is Degraded, 0 to 1 (default 0.1).</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHealthChecksBuilder AddDigitalOcean<TContext>(
        this IHealthChecksBuilder builder,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        double degradedBelow = 0.1)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (degradedBelow is < 0 or > 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(degradedBelow), degradedBelow, DigitalOceanStrings.DegradedBelowOutOfRange);
        }

        return builder.Add(new HealthCheckRegistration(
            name ?? "DigitalOcean",
            services => new DigitalOceanHealthCheck<TContext>(services.GetRequiredService<TContext>(), degradedBelow),
            failureStatus,
            tags));
    }
}
