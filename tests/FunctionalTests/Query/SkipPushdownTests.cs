using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     <c>Skip</c> with nothing in memory before it chooses the page that holds the first wanted item; whatever follows it must
///     still see the items after the skipped ones, exactly as LINQ to Objects would.
/// </summary>
public class SkipPushdownTests
{
    private static readonly IReadOnlyList<FakeImage> Seed = FakeCatalog.PrivateImages(450);

    [Theory]
    [InlineData(10, 5, "GET /v2/images?per_page=5&page=3")]
    [InlineData(7, 5, "GET /v2/images?per_page=6&page=2")]
    [InlineData(195, 10, "GET /v2/images?per_page=13&page=16")]
    public void Skip_then_Take_reads_only_the_page_that_holds_the_window(int skip, int take, string request)
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var images = db.Images.Skip(skip).Take(take).ToList();

        Assert.Equal(Seed.Skip(skip).Take(take).Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, request);
    }

    [Fact]
    public void Skip_alone_starts_at_the_page_that_holds_the_first_wanted_item()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var images = db.Images.Skip(210).ToList();

        Assert.Equal(Seed.Skip(210).Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=2", "GET /v2/images?per_page=200&page=3");
    }

    [Fact]
    public void ElementAt_reads_one_item_at_its_position()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var image = db.Images.ElementAt(5);

        Assert.Equal(Seed[5].Id, image.Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=1&page=6");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(449)]
    [InlineData(450)]
    [InlineData(500)]
    public void Count_and_Any_after_Skip_count_only_the_items_after_the_skipped_ones(int skip)
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var count = db.Images.Skip(skip).Count();
        var longCount = db.Images.Skip(skip).LongCount();
        var any = db.Images.Skip(skip).Any();

        Assert.Equal(Seed.Skip(skip).Count(), count);
        Assert.Equal(Seed.Skip(skip).LongCount(), longCount);
        Assert.Equal(Seed.Skip(skip).Any(), any);
        Assert.All(cloud.Requests, r => Assert.Equal(("GET", "/v2/images"), (r.Method, r.Path)));
    }

    [Fact]
    public void A_tag_filter_after_Skip_filters_the_items_after_the_skipped_ones()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var images = db.Images.Skip(10).Where(i => i.Tags.Contains("prod")).ToList();

        Assert.Equal(Seed.Skip(10).Where(i => i.Tags!.Contains("prod")).Select(i => i.Id), images.Select(i => i.Id));
        Assert.All(cloud.Requests, r => Assert.Equal(("GET", "/v2/images"), (r.Method, r.Path)));
    }

    [Fact]
    public void An_id_filter_after_Skip_does_not_find_a_skipped_item()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();
        var skippedId = Seed[3].Id;

        var images = db.Images.Skip(10).Where(i => i.Id == skippedId).ToList();

        Assert.Empty(images);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.All(cloud.Requests, r => Assert.Equal("GET", r.Method));
    }
}
