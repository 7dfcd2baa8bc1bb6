using EFCore.DigitalOcean.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DigitalOcean.Infrastructure;

/// <summary>
///     Configures the DigitalOcean provider; passed to the action of
///     <see cref="DigitalOceanDbContextOptionsExtensions.UseDigitalOcean(DbContextOptionsBuilder, string?, Action{DigitalOceanDbContextOptionsBuilder}?)" />.
/// </summary>
public class DigitalOceanDbContextOptionsBuilder
{
    /// <summary>
    ///     The name of the <c>IHttpClientFactory</c> client the provider sends through. Add your own handlers with
    ///     <c>services.AddHttpClient(DigitalOceanDbContextOptionsBuilder.HttpClientName).AddHttpMessageHandler(...)</c>.
    /// </summary>
    public const string HttpClientName = "EFCore.DigitalOcean";

    private readonly DbContextOptionsBuilder _optionsBuilder;

    /// <summary>Wraps the given options builder.</summary>
    public DigitalOceanDbContextOptionsBuilder(DbContextOptionsBuilder optionsBuilder)
        => _optionsBuilder = optionsBuilder ?? throw new ArgumentNullException(nameof(optionsBuilder));

    /// <summary>The API endpoint (default <c>https://api.digitalocean.com/</c>); an absolute http or https URI.</summary>
    public virtual DigitalOceanDbContextOptionsBuilder BaseAddress(Uri baseAddress)
        => With(e => e.WithBaseAddress(baseAddress));

    /// <summary>Items requested per page when listing, 1 to 200 (default 200, the API's maximum).</summary>
    public virtual DigitalOceanDbContextOptionsBuilder PageSize(int pageSize)
        => With(e => e.WithPageSize(pageSize));

    /// <summary>How many requests one context may have in flight at once, 1 to 64 (default 5): pages of a listing, and writes.</summary>
    public virtual DigitalOceanDbContextOptionsBuilder MaxConcurrentRequests(int maxConcurrentRequests)
        => With(e => e.WithMaxConcurrentRequests(maxConcurrentRequests));

    /// <summary>
    ///     How many times a failed request is retried, 0 to 20 (default 4; 0 turns retries off). GET, PUT and DELETE are retried on 429, 5xx
    ///     other than 501, and connection failures; a POST only on 429, which the API sends before doing anything.
    /// </summary>
    public virtual DigitalOceanDbContextOptionsBuilder MaxRetries(int maxRetries)
        => With(e => e.WithMaxRetries(maxRetries));

    /// <summary>
    ///     How long one attempt of a request may take (default 30 seconds): more than zero and at most 24 hours, or
    ///     <see cref="Timeout.InfiniteTimeSpan" /> for no limit.
    /// </summary>
    public virtual DigitalOceanDbContextOptionsBuilder RequestTimeout(TimeSpan timeout)
        => With(e => e.WithRequestTimeout(timeout));

    /// <summary>
    ///     Paces each token's requests in this process to at most this many in any minute, 1 to 5000 (default 250, the API's
    ///     burst limit), instead of running into 429s: a tenth of them may go out at once, the rest follow at the
    ///     limit's pace. Retries take their turn too. Every context of the process that uses the same token (with the same
    ///     endpoint, value and clock) shares one pace.
    ///     <see langword="null" /> sends without pacing (tests against a fake). Ignored when <see cref="RateLimiter" /> is set.
    /// </summary>
    public virtual DigitalOceanDbContextOptionsBuilder RequestsPerMinute(int? requestsPerMinute)
        => With(e => e.WithRequestsPerMinute(requestsPerMinute));

    /// <summary>
    ///     The limiter every attempt of a request with this context's token takes a permit from, instead of the in-process
    ///     pacing of <see cref="RequestsPerMinute" />: for several processes sharing one token, a limiter they share (such as
    ///     RedisRateLimiting's, see the README); it stands for both the API's limits, 250 a minute and 5000 an hour. A limiter
    ///     that refuses a permit is asked again after the lease's
    ///     <see cref="System.Threading.RateLimiting.MetadataName.RetryAfter" />, else after 100 ms. The application owns it
    ///     and disposes it; <see langword="null" /> goes back to the in-process pacing.
    /// </summary>
    public virtual DigitalOceanDbContextOptionsBuilder RateLimiter(System.Threading.RateLimiting.RateLimiter? rateLimiter)
        => With(e => e.WithRateLimiter(rateLimiter));

    /// <summary>The first wait between retries (default 1 second); it doubles with each retry, with jitter.</summary>
    public virtual DigitalOceanDbContextOptionsBuilder RetryDelay(TimeSpan delay)
        => With(e => e.WithRetryDelay(delay));

    /// <summary>
    ///     The clock for retry waits, rate-limit spacing, the pacing of <see cref="RequestsPerMinute" /> and timeouts
    ///     (default <see cref="System.TimeProvider.System" />); tests pass a fake one.
    /// </summary>
    public virtual DigitalOceanDbContextOptionsBuilder TimeProvider(TimeProvider timeProvider)
        => With(e => e.WithTimeProvider(timeProvider));

    /// <summary>
    ///     The application's own product token, such as <c>my-app/1.2</c>, sent in the <c>User-Agent</c> before the provider's
    ///     (<c>my-app/1.2 EFCore.DigitalOcean/0.1.0</c>), so that the application's traffic can be told apart.
    /// </summary>
    public virtual DigitalOceanDbContextOptionsBuilder ApplicationName(string productToken)
        => With(e => e.WithApplicationName(productToken));

    private DigitalOceanDbContextOptionsBuilder With(Func<DigitalOceanOptionsExtension, DigitalOceanOptionsExtension> change)
    {
        var extension = _optionsBuilder.Options.FindExtension<DigitalOceanOptionsExtension>() ?? new DigitalOceanOptionsExtension();
        ((IDbContextOptionsBuilderInfrastructure)_optionsBuilder).AddOrUpdateExtension(change(extension));
        return this;
    }
}
