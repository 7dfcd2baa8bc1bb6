using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>Enumerating the whole set: the pages requested and what is read from them.</summary>
public class ListingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Enumerating_the_set_reads_each_page_once_and_yields_each_image_once(bool async)
    {
        var seed = FakeCatalog.PrivateImages(450);
        using var cloud = TestCloud.Start(seed);
        using var db = cloud.CreateContext();

        var images = await QueryRunner.ToListAsync(db.Images, async);

        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=200", 3));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(400, 2)]
    public void The_number_of_pages_is_the_total_divided_by_the_page_size_rounded_up(int total, int pages)
    {
        using var cloud = TestCloud.Start(FakeCatalog.PrivateImages(total));
        using var db = cloud.CreateContext();

        var images = db.Images.ToList();

        Assert.Equal(total, images.Select(i => i.Id).Distinct().Count());
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=200", pages));
    }

    [Fact]
    public void The_configured_page_size_is_sent_as_per_page()
    {
        var seed = FakeCatalog.PrivateImages(450);
        using var cloud = TestCloud.Start(seed);
        using var db = cloud.CreateContext(o => o.PageSize(100));

        var images = db.Images.ToList();

        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=100", 5));
    }

    [Theory]
    [InlineData(SinglePageLinks.EmptyPages)]
    [InlineData(SinglePageLinks.NoLinks)]
    [InlineData(SinglePageLinks.EmptyLinks)]
    public void Every_single_page_links_shape_is_read_with_every_field(SinglePageLinks links)
    {
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions { Seed = FakeCatalog.Realistic(), SinglePageLinks = links });
        using var db = cloud.CreateContext();

        var images = db.Images.ToList();

        Assert.Equal(cloud.Fake.Images.Select(Fields), images.Select(Fields));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Theory]
    [InlineData(QueryTrackingBehavior.NoTracking)]
    [InlineData(QueryTrackingBehavior.TrackAll)]
    public async Task Every_field_of_every_image_is_read_across_many_small_pages(QueryTrackingBehavior tracking)
    {
        // Two images a page: later pages are read into the storage of pages already consumed, and a field that is null on
        // one image must not show the value of the image read there before.
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext(o => o.PageSize(2));
        db.ChangeTracker.QueryTrackingBehavior = tracking;
        var pages = (cloud.Fake.Images.Count + 1) / 2;

        var listed = await db.Images.ToListAsync();
        var ordered = await db.Images.OrderBy(i => i.Name).ToListAsync();

        Assert.Equal(cloud.Fake.Images.Select(Fields), listed.Select(Fields));
        Assert.Equal(cloud.Fake.Images.OrderBy(i => i.Name).Select(Fields), ordered.Select(Fields));
        RequestAssert.Sent(
            cloud.Requests,
            [.. RequestAssert.Pages("GET /v2/images?per_page=2", pages), .. RequestAssert.Pages("GET /v2/images?per_page=2", pages)]);
    }

    private static string Fields(FakeImage i)
        => Describe(i.Id, i.Name, i.Type, i.Distribution, i.Slug, i.Public, i.Regions, i.CreatedAt, i.MinDiskSize, i.SizeGigabytes,
            i.Description, i.Tags ?? [], i.Status, i.ErrorMessage);

    private static string Fields(Image i)
        => Describe(i.Id, i.Name, i.Type, i.Distribution, i.Slug, i.Public, i.Regions, i.CreatedAt, i.MinDiskSize, i.SizeGigabytes,
            i.Description, i.Tags, i.Status, i.ErrorMessage);

    private static string Describe(params object?[] values)
        => string.Join(" | ", values.Select(v => v switch
        {
            IEnumerable<string> list => "[" + string.Join(",", list) + "]",
            DateTimeOffset time => time.UtcDateTime.ToString("O"),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v?.ToString() ?? "null"
        }));
}
