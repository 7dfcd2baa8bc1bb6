using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     <c>Take</c>, <c>First</c> and <c>Single</c> with nothing in memory before them set <c>per_page</c> to what they need, and
///     paging stops once enough items arrived.
/// </summary>
public class LimitPushdownTests
{
    private static readonly IReadOnlyList<FakeImage> Seed = FakeCatalog.PrivateImages(450);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Take_sets_per_page_to_its_count(bool async)
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();
        var count = 5;

        var images = await QueryRunner.ToListAsync(db.Images.Take(count), async);

        Assert.Equal(Seed.Take(5).Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=5&page=1");
    }

    [Fact]
    public void Take_beyond_the_page_size_reads_only_the_pages_it_needs()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var images = db.Images.Take(250).ToList();

        Assert.Equal(Seed.Take(250).Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=200", 2));
    }

    [Fact]
    public void Take_of_more_than_there_are_reads_every_page()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var images = db.Images.Take(1000).ToList();

        Assert.Equal(Seed.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=200", 3));
    }

    [Fact]
    public void Take_zero_sends_nothing()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        Assert.Empty(db.Images.Take(0).ToList());
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void Take_keeps_the_scope_parameter()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Applications().Take(3).ToList();

        Assert.Equal(cloud.Fake.Images.Where(i => i.Category == ImageCategory.Application).Take(3).Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?type=application&per_page=3&page=1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task First_asks_for_one_item(bool async)
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var image = async ? await db.Images.FirstAsync() : db.Images.First();

        Assert.Equal(Seed[0].Id, image.Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=1&page=1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstOrDefault_of_an_empty_listing_is_null(bool async)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var query = db.Images.Where(i => i.Tags.Contains("no-such-tag"));
        var image = async ? await query.FirstOrDefaultAsync() : query.FirstOrDefault();

        Assert.Null(image);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?tag_name=no-such-tag&per_page=1&page=1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Single_asks_for_two_items(bool async)
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(1, "only", "solo"), Seeds.PrivateImage(2, "other")]);
        using var db = cloud.CreateContext();

        var query = db.Images.Where(i => i.Tags.Contains("solo"));
        var image = async ? await query.SingleAsync() : query.Single();

        Assert.Equal(1, image.Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?tag_name=solo&per_page=2&page=1");
    }

    [Fact]
    public void Single_of_many_fails_after_one_request()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        Assert.Throws<InvalidOperationException>(() => db.Images.Single());
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=2&page=1");
    }

    [Fact]
    public void SingleOrDefault_of_an_empty_listing_is_null()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        Assert.Null(db.Images.SingleOrDefault());
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=2&page=1");
    }

    [Fact]
    public void First_with_an_in_memory_predicate_stops_paging_at_the_first_match()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var image = db.Images.First(i => i.Name == "backup-000004");

        Assert.Equal(Seed[4].Id, image.Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void Take_after_an_in_memory_filter_is_not_sent_but_still_stops_paging()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Type == ImageTypes.Custom).Take(5).ToList();

        Assert.Equal(Seed.Where(i => i.Type == ImageTypes.Custom).Take(5).Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void Take_after_OrderBy_reads_every_page()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();

        var images = db.Images.OrderByDescending(i => i.CreatedAt).Take(3).ToList();

        Assert.Equal(Seed.OrderByDescending(i => i.CreatedAt).Take(3).Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=200", 3));
    }
}
