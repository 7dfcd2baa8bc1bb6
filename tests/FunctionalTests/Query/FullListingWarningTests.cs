using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     A query that lists the whole catalogue because its filter runs in memory is warned about when it is compiled. Each query
///     here carries a constant no other test uses, so that it is compiled (and so warned about) in this test.
/// </summary>
public class FullListingWarningTests
{
    [Fact]
    public void A_full_listing_for_an_in_memory_filter_is_warned_about_once()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Name == "warning-probe-1" || i.Type == ImageTypes.Backup).ToList();

        Assert.Equal(cloud.Fake.Images.Count(i => i.Type == ImageTypes.Backup), images.Count);
        var warning = Assert.Single(cloud.Log.Of(DigitalOceanEventId.FullListingWarning));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(DbLoggerCategory.Query.Name, warning.Category);
        Assert.Contains("/v2/images", warning.Message);
        Assert.Contains("warning-probe-1", warning.Message);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void Running_the_compiled_query_again_does_not_warn_again()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        for (var run = 0; run < 3; run++)
        {
            _ = db.Images.Where(i => i.Name == "warning-probe-2").ToList();
        }

        Assert.Single(cloud.Log.Of(DigitalOceanEventId.FullListingWarning));
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?per_page=200&page=1",
            "GET /v2/images?per_page=200&page=1",
            "GET /v2/images?per_page=200&page=1");
    }

    public static TheoryData<string, Func<IQueryable<Image>, IQueryable<Image>>, string> NarrowedQueries => new()
    {
        { "scope", q => q.PrivateOnly().Where(i => i.Name != "warning-probe-3"), "GET /v2/images?private=true&per_page=200&page=1" },
        { "tag", q => q.Where(i => i.Tags.Contains("prod") && i.Name != "warning-probe-4"), "GET /v2/images?tag_name=prod&per_page=200&page=1" },
        { "id", q => q.Where(i => i.Id == 42 && i.Name != "warning-probe-5"), "GET /v2/images/42" },
        { "slug", q => q.Where(i => i.Slug == "debian-12-x64" && i.Name != "warning-probe-6"), "GET /v2/images/debian-12-x64" },
    };

    [Theory]
    [MemberData(nameof(NarrowedQueries))]
    public void A_narrowed_listing_is_not_warned_about(string narrowedBy, Func<IQueryable<Image>, IQueryable<Image>> query, string request)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        _ = query(db.Images).ToList();

        Assert.True(cloud.Log.Of(DigitalOceanEventId.FullListingWarning).Count == 0, $"Warned although narrowed by {narrowedBy}.");
        RequestAssert.Sent(cloud.Requests, request);
    }

    public static TheoryData<string, Func<IQueryable<Image>, IQueryable<Image>>> PointReadsThatList => new()
    {
        { "a null slug", q => q.Where(i => i.Slug == null && i.Description != "warning-probe-9") },
        { "a null slug parameter", q => WithSlug(q, null) },
        { "a null slug and a name", q => q.Where(i => i.Slug == null && i.Name == "warning-probe-8") },
        { "more ids than point reads", q => q.Where(i => ManyIds.Contains(i.Id)) },
    };

    private static IQueryable<Image> WithSlug(IQueryable<Image> images, string? slug) => images.Where(i => i.Slug == slug && i.Description != "warning-probe-10");
    private static readonly List<long> ManyIds = [.. Enumerable.Range(1, 21).Select(i => (long)i)];

    [Theory]
    [MemberData(nameof(PointReadsThatList))]
    public void A_point_read_that_lists_the_whole_catalogue_at_run_time_is_warned_about(
        string because, Func<IQueryable<Image>, IQueryable<Image>> query)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        _ = query(db.Images).ToList();

        Assert.True(cloud.Log.Of(DigitalOceanEventId.FullListingWarning).Count == 1, $"Not warned about {because}.");
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=200", cloud.Requests.Count));
        Assert.Equal((cloud.Fake.Images.Count + 199) / 200, cloud.Requests.Count);
    }

    [Fact]
    public void The_warning_can_be_made_an_error_that_stops_the_query_before_any_request()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext(
            configure: b => b.ConfigureWarnings(w => w.Throw(DigitalOceanEventId.FullListingWarning)));

        var error = Assert.Throws<InvalidOperationException>(() => db.Images.Where(i => i.Name == "warning-probe-7").ToList());

        Assert.Contains(nameof(DigitalOceanEventId.FullListingWarning), error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void A_narrowed_query_runs_when_the_warning_is_an_error()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext(
            configure: b => b.ConfigureWarnings(w => w.Throw(DigitalOceanEventId.FullListingWarning)));

        var images = db.Images.Distributions().Where(i => i.Name != "warning-probe-8").ToList();

        Assert.Equal(cloud.Fake.Images.Count(i => i.Category == ImageCategory.Distribution), images.Count);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?type=distribution&per_page=200&page=1");
    }
}
