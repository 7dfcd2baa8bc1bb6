using System.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     The whole body is read within the attempt: its time limit covers a body that never ends, and a connection that fails
///     in the middle of a body is retried like any other transient failure (except for a create, which is then in doubt).
/// </summary>
public class ResponseBodyTests
{
    [Fact]
    public async Task A_body_that_trickles_for_ever_fails_after_the_attempt_timeout_of_each_attempt()
    {
        const string image = """{"image":{"id":7,"name":"seven","created_at":"2026-11-27T00:00:00Z"}}""";
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json(image) with { Trickle = TimeSpan.FromMilliseconds(50) });
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress).RequestTimeout(TimeSpan.FromMilliseconds(400)).MaxRetries(1));

        // Only a safety net for the test run: the provider must give up long before.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => db.Images.FindAsync([7L], patience.Token).AsTask());

        Assert.Equal("GET /v2/images/7 got no response within 0.4 s.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"gave up after {clock.Elapsed}");
        Assert.Equal(["GET /v2/images/7", "GET /v2/images/7"], server.Received.Select(r => r.RequestLine));
    }

    [Fact]
    public async Task A_listing_page_whose_connection_resets_mid_body_is_retried_and_every_item_comes_once()
    {
        var seed = FakeCatalog.PrivateImages(450);
        using var cloud = FaultyCloud.Start(seed);
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", When = r => r.IsPage(2), Kind = FaultKind.DropConnectionMidBody });
        using var db = cloud.CreateFastContext();

        var images = await db.Images.ToListAsync();

        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, [.. RequestAssert.Pages("GET /v2/images?per_page=200", 3), "GET /v2/images?per_page=200&page=2"]);
    }

    [Fact]
    public async Task An_update_whose_answer_resets_mid_body_is_retried_and_applied_once()
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(11, "before")]);
        using var db = cloud.CreateFastContext();
        var image = (await db.Images.FindAsync(11L))!;
        cloud.Fake.InjectFault(new FakeFault { Method = "PUT", Kind = FaultKind.DropConnectionMidBody, ApplyBeforeFailing = true });
        cloud.Fake.ClearRequests();
        image.Name = "after";

        await db.SaveChangesAsync();

        Assert.Equal(("after", EntityState.Unchanged), (image.Name, db.Entry(image).State));
        Assert.Equal("after", cloud.Fake.FindImage(11)!.Name);
        Assert.Equal([("PUT", "/v2/images/11", 200), ("PUT", "/v2/images/11", 200)], cloud.Requests.Select(r => (r.Method, r.Path, r.StatusCode)));
    }
}
