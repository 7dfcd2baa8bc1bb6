using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     How long a 429 makes the provider wait: <c>retry-after</c> when the answer has one, else until <c>ratelimit-reset</c>.
///     The provider's clock is a <see cref="FakeTimeProvider" /> that the test advances, so waits of seconds take milliseconds.
///     The lower bound of each wait is exact; the upper bound allows for a slow machine and only rules out the other waits the
///     provider could have chosen (a backoff of milliseconds, or the two-minute cap).
/// </summary>
public class RateLimitResponseTests
{
    private const string FirstPage = "GET /v2/images?per_page=200&page=1";

    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_exactly_that_many_seconds()
    {
        var seed = FakeCatalog.PrivateImages(3);
        var clock = new FakeTimeProvider(FakeCatalog.DefaultNow);
        using var cloud = FaultyCloud.Start(seed, clock);
        var fault = cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 429, RetryAfterSeconds = 5 });
        using var db = cloud.CreateFastContext(o => o.TimeProvider(clock));

        var query = db.Images.ToListAsync();
        await Eventually.Until(() => fault.Hits == 1, "the 429");
        var waited = await FakeClock.AdvanceUntil(clock, TimeSpan.FromMilliseconds(100), () => cloud.Requests.Count == 2, "the retry");
        var images = await query;

        Assert.InRange(waited, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8));
        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage);
        Assert.Equal([429, 200], cloud.Requests.Statuses("GET"));
    }

    [Fact]
    public async Task A_429_without_retry_after_is_retried_when_the_rate_limit_window_resets()
    {
        // The fake reports ratelimit-reset one hour after its own clock; the provider's clock is set 30 s before that moment.
        var seed = FakeCatalog.PrivateImages(3);
        var serverClock = new FakeTimeProvider(FakeCatalog.DefaultNow);
        var clientClock = new FakeTimeProvider(FakeCatalog.DefaultNow + TimeSpan.FromHours(1) - TimeSpan.FromSeconds(30));
        using var cloud = FaultyCloud.Start(seed, serverClock);
        var fault = cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 429 });
        using var db = cloud.CreateFastContext(o => o.TimeProvider(clientClock));

        var query = db.Images.ToListAsync();
        await Eventually.Until(() => fault.Hits == 1, "the 429");
        var waited = await FakeClock.AdvanceUntil(clientClock, TimeSpan.FromSeconds(1), () => cloud.Requests.Count == 2, "the retry");
        var images = await query;

        Assert.InRange(waited, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40));
        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        Assert.Equal([429, 200], cloud.Requests.Statuses("GET"));
    }

    [Fact]
    public async Task A_429_with_retry_after_1_is_honoured_in_real_time()
    {
        var seed = FakeCatalog.PrivateImages(3);
        using var cloud = FaultyCloud.Start(seed);
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 429, RetryAfterSeconds = 1 });
        using var db = cloud.CreateFastContext();
        var started = DateTime.UtcNow;

        var images = await db.Images.ToListAsync();

        // Only the lower bound is asserted: it proves the wait; an upper bound would time the machine, not the provider.
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.95), "The retry did not wait for retry-after.");
        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        Assert.Equal([429, 200], cloud.Requests.Statuses("GET"));
    }
}
