using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>Count</c>, <c>LongCount</c> and <c>Any</c> with nothing in memory are answered from <c>meta.total</c> of a one-item page.</summary>
public class ServerCountTests
{
    private static readonly IReadOnlyList<FakeImage> Seed = FakeCatalog.PrivateImages(450);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Count_reads_meta_total_of_a_one_item_page(bool async)
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var count = async ? await db.Images.CountAsync() : db.Images.Count();

        Assert.Equal(450, count);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=1&page=1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LongCount_reads_meta_total_of_a_one_item_page(bool async)
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var count = async ? await db.Images.LongCountAsync() : db.Images.LongCount();

        Assert.Equal(450L, count);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=1&page=1");
    }

    [Theory]
    [InlineData(0, false, false)]
    [InlineData(0, true, false)]
    [InlineData(3, false, true)]
    [InlineData(3, true, true)]
    public async Task Any_reads_meta_total_of_a_one_item_page(int total, bool async, bool expected)
    {
        using var cloud = TestCloud.Start(FakeCatalog.PrivateImages(total));
        using var db = cloud.CreateContext();

        var any = async ? await db.Images.AnyAsync() : db.Images.Any();

        Assert.Equal(expected, any);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=1&page=1");
    }

    [Fact]
    public void Count_keeps_the_scope_and_tag_parameters()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var privateCount = db.Images.PrivateOnly().Count();
        var taggedCount = db.Images.Count(i => i.Tags.Contains("prod"));

        Assert.Equal(cloud.Fake.Images.Count(i => i.Category == ImageCategory.User), privateCount);
        Assert.Equal(cloud.Fake.Images.Count(i => i.Tags!.Contains("prod")), taggedCount);
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?private=true&per_page=1&page=1",
            "GET /v2/images?tag_name=prod&per_page=1&page=1");
    }

    [Fact]
    public void Count_with_an_in_memory_predicate_counts_the_listing()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var count = db.Images.Count(i => i.Type == ImageTypes.Backup);

        Assert.Equal(Seed.Count(i => i.Type == ImageTypes.Backup), count);
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=200", 3));
    }

    [Fact]
    public void Any_with_an_in_memory_predicate_stops_at_the_first_match()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var any = db.Images.Any(i => i.Type == ImageTypes.Custom);

        Assert.True(any);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void Count_of_a_point_read_reads_the_item()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();
        var id = Seed[7].Id;

        var found = db.Images.Count(i => i.Id == id);
        var missing = db.Images.Count(i => i.Id == 1);

        Assert.Equal(1, found);
        Assert.Equal(0, missing);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{id}", "GET /v2/images/1");
    }
}
