using System.Text.RegularExpressions;
using EFCore.DigitalOcean.FunctionalTests.Reliability;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Infrastructure;

/// <summary>Option values at and past their bounds, and the User-Agent the provider sends.</summary>
public class OptionBoundsTests
{
    [Fact]
    public async Task An_infinite_request_timeout_is_accepted_and_requests_still_go_out()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(101, "web-01")]);
        using var db = cloud.CreateContext(o => o.RequestTimeout(Timeout.InfiniteTimeSpan));

        var image = await db.Images.SingleAsync(i => i.Id == 101);

        Assert.Equal("web-01", image.Name);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/101");
    }

    [Theory]
    [InlineData(-5, "longer than zero")]
    [InlineData(0, "longer than zero")]
    [InlineData(25 * 3600 * 1000, "at most 24 hours")]
    public void A_request_timeout_out_of_range_is_refused_in_words(long milliseconds, string expected)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => Configure(o => o.RequestTimeout(TimeSpan.FromMilliseconds(milliseconds))));

        Assert.Contains(expected, exception.Message);
        Assert.Contains("Timeout.InfiniteTimeSpan for no limit", exception.Message);
    }

    public static TheoryData<int, Action<DigitalOceanDbContextOptionsBuilder>, string> CountsPastTheirBounds => new()
    {
        { -1, o => o.MaxRetries(-1), "between 0 (no retries) and 20" },
        { 21, o => o.MaxRetries(21), "between 0 (no retries) and 20" },
        { int.MaxValue, o => o.MaxRetries(int.MaxValue), "between 0 (no retries) and 20" },
        { 0, o => o.MaxConcurrentRequests(0), "between 1 and 64" },
        { 65, o => o.MaxConcurrentRequests(65), "between 1 and 64" },
        { int.MaxValue, o => o.MaxConcurrentRequests(int.MaxValue), "between 1 and 64" },
    };

    [Theory]
    [MemberData(nameof(CountsPastTheirBounds))]
    public void MaxRetries_and_MaxConcurrentRequests_past_their_bounds_are_refused(
        int value, Action<DigitalOceanDbContextOptionsBuilder> configure, string expected)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Configure(configure));

        Assert.Contains(expected, exception.Message);
        Assert.Equal(value, exception.ActualValue);
    }

    [Fact]
    public void The_bounds_themselves_are_accepted()
    {
        Configure(o => o.MaxRetries(20).MaxConcurrentRequests(64).RequestTimeout(TimeSpan.FromHours(24)));
        Configure(o => o.MaxRetries(0).MaxConcurrentRequests(1).RequestTimeout(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task Requests_name_the_provider_and_its_version_after_the_application_in_the_User_Agent()
    {
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json("""{"images":[],"links":{},"meta":{"total":0}}"""));
        await using (var plain = Context(server, null))
        {
            await plain.Images.ToListAsync();
        }

        await using (var named = Context(server, "image-janitor/2.1"))
        {
            await named.Images.ToListAsync();
        }

        var version = typeof(Image).Assembly.GetName().Version!.ToString(3);
        Assert.Equal(
            [$"EFCore.DigitalOcean/{version}", $"image-janitor/2.1 EFCore.DigitalOcean/{version}"],
            server.Received.Select(r => r.Headers["User-Agent"]));
        Assert.Matches(new Regex(@"^EFCore\.DigitalOcean/\d+\.\d+\.\d+"), server.Received[0].Headers["User-Agent"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("image janitor/")]
    [InlineData("/2.1")]
    public void An_application_name_that_is_no_product_token_is_refused(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => Configure(o => o.ApplicationName(name)));

        Assert.Contains("name/version", exception.Message);
    }

    private static CloudContext Context(CannedHttpServer server, string? applicationName)
        => new(new DbContextOptionsBuilder<CloudContext>()
            .UseDigitalOcean("some-token", o =>
            {
                o.BaseAddress(server.BaseAddress);
                if (applicationName is not null)
                {
                    o.ApplicationName(applicationName);
                }
            })
            .Options);

    private static void Configure(Action<DigitalOceanDbContextOptionsBuilder> provider)
        => new DbContextOptionsBuilder<CloudContext>().UseDigitalOcean("some-token", provider);
}
