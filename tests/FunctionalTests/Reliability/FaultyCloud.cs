using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     Starts the fakes of this suite. Each gets a token of its own: the provider keeps rate-limit state per token for the whole
///     process, so a test that drives the budget low must not slow down a test running beside it.
/// </summary>
internal static class FaultyCloud
{
    /// <summary>The first retry wait in this suite, so that retries cost milliseconds, not seconds.</summary>
    public static readonly TimeSpan FastRetryDelay = TimeSpan.FromMilliseconds(10);

    public static TestCloud Start(
        IEnumerable<FakeImage>? seed = null,
        TimeProvider? clock = null,
        int? rateLimitRemaining = null)
        => TestCloud.Start(new DigitalOceanFakeOptions
        {
            AccessToken = SecretAssert.NewToken(),
            Seed = seed,
            TimeProvider = clock ?? TimeProvider.System,
            RateLimitRemaining = rateLimitRemaining,

            // Created images are available at once: these tests are about the requests, not the import.
            ImportPolls = 0
        });

    /// <summary>A context whose retries wait <see cref="FastRetryDelay" /> first; <paramref name="provider" /> may override it.</summary>
    public static CloudContext CreateFastContext(
        this TestCloud cloud,
        Action<DigitalOceanDbContextOptionsBuilder>? provider = null,
        Action<DbContextOptionsBuilder<CloudContext>>? configure = null)
        => cloud.CreateContext(
            o =>
            {
                o.RetryDelay(FastRetryDelay);
                provider?.Invoke(o);
            },
            configure);
}
