using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     A captured variable becomes a query parameter: a second run of the same query sends the new value and reuses the
///     compiled query. Each query here carries a constant no other test uses, so that its first run is sure to compile it
///     (contexts share one compiled-query cache).
/// </summary>
public class CompiledQueryCacheTests
{
    [Fact]
    public void A_changed_tag_is_sent_without_recompiling()
    {
        using var cloud = TestCloud.Start(FakeCatalog.PrivateImages(30));
        using var db = cloud.CreateContext();
        var tag = "prod";

        var prod = db.Images.Where(i => i.Tags.Contains(tag) && i.Name != "cache-probe-tag").ToList();
        tag = "ci";
        var ci = db.Images.Where(i => i.Tags.Contains(tag) && i.Name != "cache-probe-tag").ToList();

        Assert.Equal(cloud.Fake.Images.Where(i => i.Tags!.Contains("prod")).Select(i => i.Id), prod.Select(i => i.Id));
        Assert.Equal(cloud.Fake.Images.Where(i => i.Tags!.Contains("ci")).Select(i => i.Id), ci.Select(i => i.Id));
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?tag_name=prod&per_page=200&page=1",
            "GET /v2/images?tag_name=ci&per_page=200&page=1");
        Assert.Single(cloud.Log.Of(CoreEventId.QueryCompilationStarting));
    }

    [Fact]
    public async Task A_changed_id_is_read_without_recompiling()
    {
        var seed = FakeCatalog.PrivateImages(3);
        using var cloud = TestCloud.Start(seed);
        using var db = cloud.CreateContext();
        var id = seed[0].Id;

        var first = await db.Images.Where(i => i.Id == id && i.Name != "cache-probe-id").SingleAsync();
        id = seed[2].Id;
        var second = await db.Images.Where(i => i.Id == id && i.Name != "cache-probe-id").SingleAsync();

        Assert.Equal((seed[0].Id, seed[2].Id), (first.Id, second.Id));
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{seed[0].Id}", $"GET /v2/images/{seed[2].Id}");
        Assert.Single(cloud.Log.Of(CoreEventId.QueryCompilationStarting));
    }

    [Fact]
    public void A_changed_Take_count_is_sent_without_recompiling()
    {
        using var cloud = TestCloud.Start(Enumerable.Range(1, 10).Select(id => Seeds.PrivateImage(id, $"image {id}", "cache-probe-take")));
        using var db = cloud.CreateContext();
        var count = 2;

        var two = db.Images.Where(i => i.Tags.Contains("cache-probe-take")).Take(count).ToList();
        count = 7;
        var seven = db.Images.Where(i => i.Tags.Contains("cache-probe-take")).Take(count).ToList();

        Assert.Equal([1, 2], two.Select(i => i.Id));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], seven.Select(i => i.Id));
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?tag_name=cache-probe-take&per_page=2&page=1",
            "GET /v2/images?tag_name=cache-probe-take&per_page=7&page=1");
        Assert.Single(cloud.Log.Of(CoreEventId.QueryCompilationStarting));
    }

    [Fact]
    public void A_changed_slug_is_read_without_recompiling()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var slug = "debian-12-x64";

        var debian = db.Images.Where(i => i.Slug == slug && i.Name != "cache-probe-slug").ToList();
        slug = "a b";
        var none = db.Images.Where(i => i.Slug == slug && i.Name != "cache-probe-slug").ToList();

        Assert.Equal("debian-12-x64", Assert.Single(debian).Slug);
        Assert.Empty(none);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/debian-12-x64", "GET /v2/images/a%20b");
        Assert.Single(cloud.Log.Of(CoreEventId.QueryCompilationStarting));
    }
}
