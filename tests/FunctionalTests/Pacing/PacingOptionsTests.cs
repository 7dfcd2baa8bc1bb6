using System.Threading.RateLimiting;
using EFCore.DigitalOcean.FunctionalTests.Reliability;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Pacing;

/// <summary><c>RequestsPerMinute</c> and <c>RateLimiter</c>: their bounds, and an application's limiter standing in for the pacing.</summary>
public class PacingOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(5001)]
    [InlineData(int.MaxValue)]
    public void RequestsPerMinute_out_of_range_is_refused_in_words(int requestsPerMinute)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Configure(o => o.RequestsPerMinute(requestsPerMinute)));

        Assert.Equal(
            "RequestsPerMinute must be between 1 and 5000 (the API's hourly limit), or null to send without pacing. "
            + $"(Parameter 'requestsPerMinute'){Environment.NewLine}Actual value was {requestsPerMinute}.",
            exception.Message);
    }

    [Fact]
    public void The_bounds_and_null_are_accepted_and_the_default_is_the_APIs_burst_limit()
    {
        Configure(o => o.RequestsPerMinute(1));
        Configure(o => o.RequestsPerMinute(5000));
        Configure(o => o.RequestsPerMinute(null));

        var options = new DbContextOptionsBuilder<CloudContext>().UseDigitalOcean("some-token").Options;
        var debugInfo = new Dictionary<string, string>();
        options.Extensions.Single(e => e.Info.IsDatabaseProvider).Info.PopulateDebugInfo(debugInfo);
        Assert.Equal("250", debugInfo["DigitalOcean:RequestsPerMinute"]);
    }

    [Fact]
    public async Task An_applications_limiter_gives_a_permit_to_every_attempt_retries_included_and_holds_it_for_the_attempt()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(10));
        cloud.Fake.InjectFault(new FakeFault { Method = "DELETE", StatusCode = 503 });

        // One permit at a time: the four requests the context may have in flight must go one by one.
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 100 });
        using var db = cloud.CreateFastContext(o => o.RateLimiter(limiter).MaxConcurrentRequests(4));

        var deleted = await db.Images.PrivateOnly().ExecuteDeleteAsync();

        Assert.Equal(10, deleted);
        Assert.Empty(cloud.Fake.Images);
        var requests = cloud.Requests;
        Assert.Equal(12, requests.Count); // the listing, 10 deletes and the retry of the one that got 503
        Assert.Single(requests, r => r.StatusCode == 503);
        Assert.Equal(requests.Count, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(1, cloud.Fake.MaxConcurrentRequestsObserved);
    }

    private static void Configure(Action<DigitalOceanDbContextOptionsBuilder> provider)
        => new DbContextOptionsBuilder<CloudContext>().UseDigitalOcean("some-token", provider);
}
