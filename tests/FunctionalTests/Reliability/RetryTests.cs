using System.Net;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>Which failures GET, PUT and DELETE retry, how often, and what is left when the retries run out.</summary>
public class RetryTests
{
    private const string Listing = "GET /v2/images?per_page=200";

    [Fact]
    public async Task A_page_that_fails_twice_with_503_is_fetched_again_and_the_query_returns_everything()
    {
        var seed = FakeCatalog.PrivateImages(450);
        using var cloud = FaultyCloud.Start(seed);
        var fault = cloud.Fake.InjectFault(new FakeFault { Method = "GET", When = r => r.IsPage(2), StatusCode = 503, Times = 2 });
        using var db = cloud.CreateFastContext();

        var images = await db.Images.ToListAsync();

        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        Assert.Equal(2, fault.Hits);
        RequestAssert.Sent(cloud.Requests, [.. RequestAssert.Pages(Listing, 3), $"{Listing}&page=2", $"{Listing}&page=2"]);
        Assert.Equal([503, 503, 200], cloud.Requests.Statuses(r => r.IsPage(2)));
    }

    [Fact]
    public async Task A_PUT_answered_with_500_is_sent_again_with_the_same_body()
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(7, "old-name")]);
        cloud.Fake.InjectFault(new FakeFault { Method = "PUT", StatusCode = 500, Times = 2 });
        using var db = cloud.CreateFastContext();
        var image = await db.Images.SingleAsync(i => i.Id == 7);
        cloud.Fake.ClearRequests();

        image.Name = "new-name";
        var saved = await db.SaveChangesAsync();

        Assert.Equal(1, saved);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        Assert.Equal("new-name", cloud.Fake.FindImage(7)!.Name);
        var puts = cloud.Requests;
        Assert.Equal([500, 500, 200], puts.Statuses("PUT"));
        Assert.All(puts, r => Assert.Equal(("PUT", "/v2/images/7", """{"name":"new-name"}"""), (r.Method, r.Path, r.Body)));
    }

    [Fact]
    public async Task A_DELETE_answered_with_500_is_sent_again_and_the_image_is_deleted()
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(7, "doomed")]);
        cloud.Fake.InjectFault(new FakeFault { Method = "DELETE", StatusCode = 500 });
        using var db = cloud.CreateFastContext();
        var image = await db.Images.SingleAsync(i => i.Id == 7);
        cloud.Fake.ClearRequests();

        db.Images.Remove(image);
        await db.SaveChangesAsync();

        Assert.Equal(EntityState.Detached, db.Entry(image).State);
        Assert.Null(cloud.Fake.FindImage(7));
        RequestAssert.Sent(cloud.Requests, "DELETE /v2/images/7", "DELETE /v2/images/7");
        Assert.Equal([500, 204], cloud.Requests.Statuses("DELETE"));
    }

    [Fact]
    public async Task A_501_is_not_retried()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(3));
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 501 });
        using var db = cloud.CreateFastContext();

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
        Assert.Contains($"{Listing}&page=1 failed with 501", error.Message);
        RequestAssert.Sent(cloud.Requests, $"{Listing}&page=1");
    }

    [Fact]
    public async Task A_dropped_connection_on_a_GET_is_retried()
    {
        var seed = FakeCatalog.PrivateImages(3);
        using var cloud = FaultyCloud.Start(seed);
        var fault = cloud.Fake.InjectFault(new FakeFault { Method = "GET", Kind = FaultKind.DropConnection });
        using var db = cloud.CreateFastContext();

        var images = await db.Images.ToListAsync();

        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        Assert.Equal(1, fault.Hits);
        Assert.Equal([0, 200], cloud.Requests.Statuses("GET"));
        RequestAssert.Sent(cloud.Requests, $"{Listing}&page=1", $"{Listing}&page=1");
    }

    [Fact]
    public async Task MaxRetries_0_sends_each_request_once_and_reports_the_first_failure()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(3));
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 503 });
        using var db = cloud.CreateFastContext(o => o.MaxRetries(0));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("service_unavailable", error.ErrorId);
        Assert.Contains($"{Listing}&page=1 failed with 503 service_unavailable", error.Message);
        RequestAssert.Sent(cloud.Requests, $"{Listing}&page=1");
    }

    [Fact]
    public async Task When_the_retries_run_out_the_last_answer_is_reported_with_its_status_error_id_and_request_id()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(3));
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 503, Times = int.MaxValue });
        using var db = cloud.CreateFastContext(o => o.MaxRetries(2));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("service_unavailable", error.ErrorId);
        Assert.Equal(cloud.Requests[^1].RequestId, error.RequestId);
        Assert.Contains(error.RequestId!, error.Message);
        RequestAssert.Sent(cloud.Requests, [.. Enumerable.Repeat($"{Listing}&page=1", 3)]);
    }
}
