using System.Net;
using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>Every request is logged like a database command: method, path and query, status, time, rate limit and request id.</summary>
public class RequestLoggingTests
{
    [Fact]
    public void Every_request_is_logged_with_its_method_path_status_time_rate_limit_and_request_id()
    {
        using var cloud = TestCloud.Start(FakeCatalog.PrivateImages(450));
        using var db = cloud.CreateContext();

        _ = db.Images.ToList();

        var logged = cloud.Log.Of(DigitalOceanEventId.RequestExecuted);
        Assert.Equal(3, logged.Count);
        Assert.Equal(3, cloud.Requests.Count);
        foreach (var request in cloud.Requests)
        {
            var entry = Assert.Single(logged, e => ((DigitalOceanRequestEventData)e.Data!).RequestId == request.RequestId);
            var data = (DigitalOceanRequestEventData)entry.Data!;
            Assert.Equal(LogLevel.Information, entry.Level);
            Assert.Equal(DbLoggerCategory.Database.Command.Name, entry.Category);
            Assert.Equal(("GET", request.Path + request.QueryString, HttpStatusCode.OK), (data.Method, data.Path, data.StatusCode));
            Assert.True(data.Elapsed > TimeSpan.Zero);
            Assert.Contains($"GET {data.Path} (200) in {(long)data.Elapsed.TotalMilliseconds} ms", entry.Message);
            Assert.Contains($"ratelimit-remaining={data.RateLimitRemaining}", entry.Message);
            Assert.Contains($"request-id={request.RequestId}", entry.Message);
        }

        // Each request used one unit of the fake's budget of 5000.
        Assert.Equal([4997, 4998, 4999], logged.Select(e => ((DigitalOceanRequestEventData)e.Data!).RateLimitRemaining).Order());
    }

    [Fact]
    public void Requests_reach_an_application_logger_factory_in_the_command_category()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        var log = new CapturedLog();
        using var loggerFactory = ListLoggerProvider.CreateFactory(log);
        using var db = cloud.CreateContext(configure: b => b.UseLoggerFactory(loggerFactory));

        _ = db.Images.Where(i => i.Slug == "debian-12-x64").ToList();

        var entry = Assert.Single(log.Of(DigitalOceanEventId.RequestExecuted));
        Assert.Equal("Microsoft.EntityFrameworkCore.Database.Command", entry.Category);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("GET /v2/images/? (200)", entry.Message);
        Assert.Contains($"request-id={Assert.Single(cloud.Requests).RequestId}", entry.Message);
    }

    [Fact]
    public void Values_in_urls_are_logged_only_with_sensitive_data_logging()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        var (plain, sensitive) = (new CapturedLog(), new CapturedLog());
        using var plainFactory = ListLoggerProvider.CreateFactory(plain);
        using var sensitiveFactory = ListLoggerProvider.CreateFactory(sensitive);
        var (slug, tag) = ("debian-12-x64", "secret-tag");
        using (var db = cloud.CreateContext(configure: b => b.UseLoggerFactory(plainFactory)))
        {
            _ = db.Images.Where(i => i.Slug == slug).ToList();
            _ = db.Images.Where(i => i.Tags.Contains(tag)).Take(3).ToList();
        }

        using (var db = cloud.CreateContext(configure: b => b.UseLoggerFactory(sensitiveFactory).EnableSensitiveDataLogging()))
        {
            _ = db.Images.Where(i => i.Slug == slug).ToList();
            _ = db.Images.Where(i => i.Tags.Contains(tag)).Take(3).ToList();
        }

        Assert.Equal(
            ["GET /v2/images/? (200)", "GET /v2/images?tag_name=?&per_page=3&page=1 (200)"],
            plain.Of(DigitalOceanEventId.RequestExecuted).Select(e => e.Message[("Executed HTTP request ".Length)..(e.Message.IndexOf(") in", StringComparison.Ordinal) + 1)]));
        Assert.All(plain.Entries, e => Assert.DoesNotContain("debian-12-x64", e.Message));
        Assert.All(plain.Entries, e => Assert.DoesNotContain("secret-tag", e.Message));
        Assert.Contains(sensitive.Of(DigitalOceanEventId.RequestExecuted), e => e.Message.Contains("GET /v2/images/debian-12-x64 (200)"));
        Assert.Contains(sensitive.Of(DigitalOceanEventId.RequestExecuted), e => e.Message.Contains("tag_name=secret-tag"));
    }

    [Fact]
    public void A_not_found_point_read_is_logged_as_an_executed_request_below_warning()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        Assert.Null(db.Images.Find(12345L));

        var entry = Assert.Single(cloud.Log.Of(DigitalOceanEventId.RequestExecuted));
        var data = (DigitalOceanRequestEventData)entry.Data!;
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(("GET", "/v2/images/12345", HttpStatusCode.NotFound), (data.Method, data.Path, data.StatusCode));
        Assert.Equal(Assert.Single(cloud.Requests).RequestId, data.RequestId);
        Assert.Empty(cloud.Log.Of(DigitalOceanEventId.RequestFailed));
    }
}
