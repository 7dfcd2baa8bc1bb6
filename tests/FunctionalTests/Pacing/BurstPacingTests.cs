using EFCore.DigitalOcean.FunctionalTests.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace EFCore.DigitalOcean.FunctionalTests.Pacing;

/// <summary>
///     Bulk writes at the burst limit: the fake enforces the real API's 250 requests in any minute (429 with
///     <c>retry-after</c> beyond), and the provider, paced at the default 250 a minute, keeps under it without a single 429
///     while sending at no less than 95% of it. The fake and the provider share one fake clock, so four minutes of requests
///     take a few seconds. A request that waits for its permit counts as a throttle wait, on its operation's span and on
///     the meter.
/// </summary>
public class BurstPacingTests(ITestOutputHelper output)
{
    private const int Images = 1000;
    private const int BurstLimit = 250;
    private const int PageSize = PacedRun.PageSize;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ExecuteDelete_of_1000_images_gets_no_429_at_no_less_than_95_percent_of_the_burst_limit()
    {
        using var run = PacedRun.Start(Images, BurstLimit);

        var deleted = await run.UntilDone(run.Db.Images.PrivateOnly().ExecuteDeleteAsync());

        Assert.Equal(Images, deleted);
        Assert.Empty(run.Cloud.Fake.Images);
        var requests = run.Cloud.Requests;
        RequestAssert.Sent(
            requests,
            [
                .. RequestAssert.Pages($"GET /v2/images?private=true&per_page={PageSize}", Images / PageSize),
                .. FakeCatalog.PrivateImages(Images).Select(i => $"DELETE /v2/images/{i.Id}")
            ]);
        AssertAtTheLimit(requests);
    }

    [Fact]
    public async Task SaveChanges_of_1000_changes_gets_no_429_at_no_less_than_95_percent_of_the_burst_limit()
    {
        using var run = PacedRun.Start(Images, BurstLimit);
        var images = await run.UntilDone(run.Db.Images.PrivateOnly().ToListAsync());
        foreach (var image in images)
        {
            image.Name = "renamed-" + image.Id;
        }

        var saved = await run.UntilDone(run.Db.SaveChangesAsync());

        Assert.Equal(Images, saved);
        Assert.All(run.Cloud.Fake.Images, i => Assert.Equal("renamed-" + i.Id, i.Name));
        var requests = run.Cloud.Requests;
        var puts = requests.Where(r => r.Method == "PUT").ToList();
        RequestAssert.Sent(puts, [.. images.Select(i => $"PUT /v2/images/{i.Id}")]);
        Assert.Equal(Images + Images / PageSize, requests.Count);

        // The rate of SaveChanges itself: the listing before it is another operation, and the fake clock moves on while the
        // test and SaveChanges prepare the 1,000 changes.
        AssertAtTheLimit(requests, measured: puts);
    }

    [Fact]
    public async Task Without_pacing_the_same_delete_runs_into_the_burst_limit()
    {
        using var run = PacedRun.Start(BurstLimit + 50, requestsPerMinute: null);

        var deleted = await run.UntilDone(run.Db.Images.PrivateOnly().ExecuteDeleteAsync());

        // The retries honour retry-after, so the work still gets done, but only after 429s: what the pacing is there to avoid.
        Assert.Equal(BurstLimit + 50, deleted);
        var tooMany = run.Cloud.Requests.Count(r => r.StatusCode == 429);
        output.WriteLine($"Without pacing: {tooMany} responses 429.");
        Assert.True(tooMany > 0, "The fake let more requests through than its burst limit.");
    }

    [Fact]
    public async Task Requests_that_wait_for_a_permit_are_counted_as_throttle_waits_and_the_burst_is_not()
    {
        // 25 permits at 250 a minute: the listing and the first 24 deletes go at once. Then each of the 4 requests in flight
        // waits for a permit; the later deletes may find one that came back meanwhile: between 4 and 16 waits, never the burst.
        using var run = PacedRun.Start(images: 40, requestsPerMinute: 250);
        using var telemetry = new TelemetryCapture();

        Assert.Equal(40, await run.UntilDone(run.Db.Images.PrivateOnly().ExecuteDeleteAsync()));

        var delete = Assert.Single(telemetry.ProviderSpans, s => s.DisplayName == "ExecuteDelete images");
        Assert.Equal(41, delete.GetTagItem("digitalocean.requests"));
        var waits = Assert.IsType<int>(delete.GetTagItem("digitalocean.throttle_waits"));
        Assert.InRange(waits, 4, 16);
        Assert.Equal(
            waits,
            telemetry.Sum("digitalocean.client.throttle_waits", ("server.port", run.Cloud.Fake.BaseAddress.Port), ("http.request.method", "DELETE")));
        Assert.DoesNotContain(run.Cloud.Requests, r => r.StatusCode == 429);
    }

    private void AssertAtTheLimit(IReadOnlyList<RecordedRequest> requests, IReadOnlyList<RecordedRequest>? measured = null)
    {
        Assert.DoesNotContain(requests, r => r.StatusCode == 429);
        Assert.True(BurstRate.Of(requests, Minute).MostInAnyWindow <= BurstLimit, $"More than {BurstLimit} requests in one minute.");
        var rate = BurstRate.Of(measured ?? requests, Minute);
        output.WriteLine($"Paced at {BurstLimit}/min: {rate} (a window being one fake minute).");
        Assert.True(rate.PerMinute >= 0.95 * BurstLimit, $"Slower than 95% of {BurstLimit} a minute: {rate}.");
    }
}
