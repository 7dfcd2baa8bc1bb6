using System.Collections.Concurrent;
using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     Slowing down before the limit: once few requests are left in the window, the provider spaces its requests out until
///     <c>ratelimit-reset</c> instead of running into a storm of 429s. The fake's clock stands still, so <c>ratelimit-reset</c>
///     stays where it was; the provider's clock starts <see cref="Window" /> before it and is advanced by the test.
/// </summary>
public class ThrottleTests
{
    private const int PageSize = 20;
    private const int Pages = 5;

    // 15 of 5000 left is well under the provider's threshold of a twentieth of the limit.
    private const int RemainingAtStart = 15;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_few_requests_left_a_listing_spaces_its_pages_until_the_reset_and_gets_no_429()
    {
        var run = await ListUnderLowBudgetAsync(maxConcurrentRequests: 1, Window);

        Assert.Equal(run.Expected, run.Images);
        Assert.DoesNotContain(run.Requests, r => r.StatusCode == 429);
        RequestAssert.Sent(run.Requests, RequestAssert.Pages($"GET /v2/images?per_page={PageSize}", Pages));

        // After page 1, 14 requests are left for the 60 s until the reset: one every 60 / (14 + 1) = 4 s.
        var throttled = run.Log.Of(DigitalOceanEventId.RequestThrottled);
        Assert.Equal(Pages - 1, throttled.Count);
        Assert.Equal(
            "Only 14 requests are left in the DigitalOcean rate-limit window; waiting 4000 ms before the next request.",
            throttled[0].Message);
        Assert.All(run.Gaps, gap => Assert.True(gap >= TimeSpan.FromSeconds(3.5), $"Two pages were sent {gap} apart."));
    }

    [Fact]
    public async Task With_few_requests_left_concurrent_pages_are_spaced_out_too_not_sent_together_after_one_wait()
    {
        var run = await ListUnderLowBudgetAsync(maxConcurrentRequests: 4, Window);

        Assert.Equal(run.Expected, run.Images);
        Assert.DoesNotContain(run.Requests, r => r.StatusCode == 429);
        Assert.All(run.Gaps, gap => Assert.True(gap >= TimeSpan.FromSeconds(3.5), $"Two pages were sent {gap} apart."));
    }

    [Fact]
    public async Task A_throttle_wait_at_its_30_s_cap_does_not_use_up_the_30_s_request_timeout()
    {
        // With the reset an hour away, 14 requests left means one every 240 s, capped at 30 s: the default request timeout.
        var run = await ListUnderLowBudgetAsync(maxConcurrentRequests: 1, TimeSpan.FromHours(1), pages: 2);

        Assert.Equal(run.Expected, run.Images);
        RequestAssert.Sent(run.Requests, RequestAssert.Pages($"GET /v2/images?per_page={PageSize}", 2));
        Assert.Equal(
            "Only 14 requests are left in the DigitalOcean rate-limit window; waiting 30000 ms before the next request.",
            Assert.Single(run.Log.Of(DigitalOceanEventId.RequestThrottled)).Message);
    }

    private static async Task<ThrottledRun> ListUnderLowBudgetAsync(int maxConcurrentRequests, TimeSpan untilReset, int pages = Pages)
    {
        var seed = FakeCatalog.PrivateImages(pages * PageSize);
        var serverClock = new FakeTimeProvider(FakeCatalog.DefaultNow);
        var clientClock = new FakeTimeProvider(FakeCatalog.DefaultNow + TimeSpan.FromHours(1) - untilReset);
        using var cloud = FaultyCloud.Start(seed, serverClock, RemainingAtStart);

        // Never answers; only notes when each request arrives, on the provider's clock.
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        cloud.Fake.InjectFault(new FakeFault { When = _ => Record(arrivals, clientClock.GetUtcNow()) });
        using var db = cloud.CreateFastContext(o => o.TimeProvider(clientClock).PageSize(PageSize).MaxConcurrentRequests(maxConcurrentRequests));

        var query = db.Images.ToListAsync();

        // The first wait is worked out from the provider's clock when page 2 is sent: leave the clock alone until then.
        await Eventually.Until(() => cloud.Log.Of(DigitalOceanEventId.RequestThrottled).Count > 0, "the first throttled request");
        await FakeClock.AdvanceUntil(clientClock, TimeSpan.FromMilliseconds(500), () => query.IsCompleted, "the listing");
        var images = await query;

        var times = arrivals.Order().ToList();
        return new ThrottledRun(
            [.. seed.Select(i => i.Id)],
            [.. images.Select(i => i.Id)],
            cloud.Requests,
            cloud.Log,
            [.. times.Zip(times.Skip(1), (earlier, later) => later - earlier)]);
    }

    private static bool Record(ConcurrentQueue<DateTimeOffset> arrivals, DateTimeOffset now)
    {
        arrivals.Enqueue(now);
        return false;
    }

    private sealed record ThrottledRun(
        long[] Expected, long[] Images, IReadOnlyList<RecordedRequest> Requests, CapturedLog Log, TimeSpan[] Gaps);
}
