using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     A rate-limit header out of range is a server's mistake: it is ignored (and logged at Debug), never thrown, and leaves
///     no state behind that would slow down the next context with the same token.
/// </summary>
public class RateLimitHeaderTests
{
    private const string Page = """{"images":[{"id":7,"name":"seven","created_at":"2026-11-27T00:00:00Z"}],"links":{},"meta":{"total":1}}""";

    [Theory]
    [InlineData("-1", "now")]
    [InlineData("99999999999", "now")]
    [InlineData("10", "99999999999999")]
    [InlineData("10", "-5")]
    public async Task A_header_out_of_range_is_ignored_and_the_next_context_with_the_token_is_not_slowed(string remaining, string reset)
    {
        var resetValue = reset == "now" ? DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds().ToString() : reset;
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json(Page) with
        {
            Headers = [("Content-Type", "application/json"), ("ratelimit-limit", "5000"), ("ratelimit-remaining", remaining), ("ratelimit-reset", resetValue)]
        });
        using var cloud = FaultyCloud.Start();

        for (var context = 0; context < 2; context++)
        {
            using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));
            Assert.Equal(7, (await db.Images.SingleAsync()).Id);
            Assert.Equal(1, await db.Images.CountAsync());
        }

        Assert.Equal(4, server.Received.Count);
        Assert.Empty(cloud.Log.Of(DigitalOceanEventId.RequestThrottled));
        var ignored = cloud.Log.Of(DigitalOceanEventId.ResponseHeaderIgnored);
        Assert.Equal(4, ignored.Count);
        Assert.All(ignored, e => Assert.Equal(LogLevel.Debug, e.Level));
        var header = remaining == "10" ? "ratelimit-reset" : "ratelimit-remaining";
        Assert.Equal($"Ignored the response header {header}: '{(remaining == "10" ? reset : remaining)}' is out of range.", ignored[0].Message);
    }

    [Fact]
    public async Task A_429_whose_reset_is_out_of_range_falls_back_to_the_backoff()
    {
        var answers = 0;
        using var server = CannedHttpServer.Start(_ => Interlocked.Increment(ref answers) == 1
            ? new CannedResponse(429, "Too Many Requests", [("Content-Type", "application/json"), ("ratelimit-remaining", "0"), ("ratelimit-reset", "99999999999999")],
                """{"id":"too_many_requests","message":"API Rate limit exceeded."}""")
            : CannedHttpServer.Json(Page));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        Assert.Equal(7, (await db.Images.SingleAsync()).Id);

        Assert.Equal(["GET /v2/images?per_page=2&page=1", "GET /v2/images?per_page=2&page=1"], server.Received.Select(r => r.RequestLine));
    }
}
