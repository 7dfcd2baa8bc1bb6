using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>db.Regions</c>: a short read-only list, filtered in memory without a full-listing warning.</summary>
public class RegionQueryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Regions_are_listed_with_their_features(bool async)
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        var regions = await QueryRunner.ToListAsync(db.Regions, async);

        Assert.Equal(FakeCatalog.Regions().Select(r => r.Slug), regions.Select(r => r.Slug));
        var nyc3 = regions.Single(r => r.Slug == "nyc3");
        Assert.Equal("New York 3", nyc3.Name);
        Assert.True(nyc3.Available);
        Assert.Contains("image_transfer", nyc3.Features);
        Assert.NotEmpty(nyc3.Sizes);
        RequestAssert.Sent(cloud.Requests, "GET /v2/regions?per_page=200&page=1");
    }

    [Fact]
    public void Every_predicate_runs_in_memory_with_no_full_listing_warning()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        var transferTargets = db.Regions.Where(r => r.Available && r.Features.Contains("image_transfer")).Select(r => r.Slug).ToList();
        var one = db.Regions.SingleOrDefault(r => r.Slug == "ams2");

        var expected = FakeCatalog.Regions().Where(r => r.Available && r.Features.Contains("image_transfer")).Select(r => r.Slug);
        Assert.Equal(expected, transferTargets);
        Assert.DoesNotContain("syd1", transferTargets);
        Assert.False(one!.Available);
        Assert.Empty(cloud.Log.Of(DigitalOceanEventId.FullListingWarning));
        RequestAssert.Sent(cloud.Requests, "GET /v2/regions?per_page=200&page=1", "GET /v2/regions?per_page=200&page=1");
    }

    [Fact]
    public void Find_of_a_region_lists_the_regions_because_the_API_has_no_single_region_path()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        var region = db.Regions.Find("fra1");

        Assert.Equal("fra1", region!.Slug);
        RequestAssert.Sent(cloud.Requests, "GET /v2/regions?per_page=200&page=1");
    }

    [Fact]
    public void Regions_are_counted_from_meta_total()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        Assert.Equal(FakeCatalog.Regions().Count, db.Regions.Count());
        RequestAssert.Sent(cloud.Requests, "GET /v2/regions?per_page=1&page=1");
    }
}
