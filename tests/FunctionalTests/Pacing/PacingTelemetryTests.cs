using EFCore.DigitalOcean.FunctionalTests.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Pacing;

/// <summary>A request that waits for its permit counts as a throttle wait, on its operation's span and on the meter.</summary>
public class PacingTelemetryTests
{
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
}
