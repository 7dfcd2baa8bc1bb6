using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>Every attempt is visible: each retry logs RequestRetrying, a final failure logs RequestFailed at Warning.</summary>
public class RetryLoggingTests
{
    private const string FirstPage = "GET /v2/images?per_page=200&page=1";

    [Fact]
    public async Task Two_503s_then_a_200_log_two_retries_and_one_executed_request()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(3));
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 503, Times = 2 });
        using var db = cloud.CreateFastContext();

        Assert.Equal(3, (await db.Images.ToListAsync()).Count);

        var retries = cloud.Log.Of(DigitalOceanEventId.RequestRetrying);
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Equal(LogLevel.Information, r.Level));
        Assert.StartsWith("Retrying HTTP request GET /v2/images?per_page=200&page=1 after attempt 1 ended with 503; waiting ", retries[0].Message);
        Assert.StartsWith("Retrying HTTP request GET /v2/images?per_page=200&page=1 after attempt 2 ended with 503; waiting ", retries[1].Message);
        Assert.Single(cloud.Log.Of(DigitalOceanEventId.RequestExecuted));
        Assert.Empty(cloud.Log.Of(DigitalOceanEventId.RequestFailed));
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage, FirstPage);
    }

    [Fact]
    public async Task A_failure_after_every_retry_logs_each_retry_and_one_warning()
    {
        using var cloud = FaultyCloud.Start();
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 500, Times = int.MaxValue });
        using var db = cloud.CreateFastContext(o => o.MaxRetries(2));

        await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(2, cloud.Log.Of(DigitalOceanEventId.RequestRetrying).Count);
        Assert.Equal(LogLevel.Warning, Assert.Single(cloud.Log.Of(DigitalOceanEventId.RequestFailed)).Level);
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage, FirstPage);
    }

    [Fact]
    public async Task A_point_read_s_404_is_its_answer_and_stays_below_warning()
    {
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext();

        Assert.Null(await db.Images.FindAsync(404L));

        Assert.Equal(LogLevel.Information, Assert.Single(cloud.Log.Of(DigitalOceanEventId.RequestExecuted)).Level);
        Assert.DoesNotContain(cloud.Log.Entries, e => e.Level >= LogLevel.Warning);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/404");
    }
}
