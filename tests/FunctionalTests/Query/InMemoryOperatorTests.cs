using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     What the API cannot do (other predicates, ordering, projections, aggregates) runs in memory over the pushed-down
///     listing and gives what LINQ to Objects gives over the same images.
/// </summary>
public class InMemoryOperatorTests
{
    private const string FirstPage = "GET /v2/images?per_page=200&page=1";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderBy_ThenBy_and_Skip_run_in_memory(bool async)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = await QueryRunner.ToListAsync(
            db.Images.Where(i => i.Type != ImageTypes.Custom).OrderBy(i => i.Distribution).ThenByDescending(i => i.CreatedAt).Skip(3),
            async);

        var expected = cloud.Fake.Images.Where(i => i.Type != ImageTypes.Custom)
            .OrderBy(i => i.Distribution, StringComparer.Ordinal).ThenByDescending(i => i.CreatedAt).Skip(3);
        Assert.Equal(expected.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, FirstPage);
    }

    [Fact]
    public void A_projection_returns_the_selected_values()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var rows = db.Images.Distributions().Select(i => new { i.Name, i.Slug }).ToList();

        var expected = cloud.Fake.Images.Where(i => i.Category == ImageCategory.Distribution).Select(i => new { i.Name, i.Slug });
        Assert.Equal(expected, rows);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?type=distribution&per_page=200&page=1");
    }

    [Fact]
    public void A_predicate_on_a_mostly_null_column_does_not_throw()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Slug!.StartsWith("ubuntu")).ToList();

        var expected = cloud.Fake.Images.Where(i => i.Slug?.StartsWith("ubuntu", StringComparison.Ordinal) == true).Select(i => i.Id).ToList();
        Assert.True(cloud.Fake.Images.Count(i => i.Slug is null) > cloud.Fake.Images.Count / 2);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, FirstPage);
    }

    [Fact]
    public void A_comparison_with_a_null_column_is_false_not_an_error()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Slug!.Length > 12 || i.MinDiskSize > 50).ToList();

        var expected = cloud.Fake.Images.Where(i => i.Slug?.Length > 12 || i.MinDiskSize > 50).Select(i => i.Id);
        Assert.Equal(expected, images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, FirstPage);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sum_Min_Max_and_Average_run_in_memory(bool async)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var fake = cloud.Fake.Images;

        var sum = async ? await db.Images.SumAsync(i => i.MinDiskSize) : db.Images.Sum(i => i.MinDiskSize);
        var max = async ? await db.Images.MaxAsync(i => i.SizeGigabytes) : db.Images.Max(i => i.SizeGigabytes);
        var min = async ? await db.Images.MinAsync(i => i.CreatedAt) : db.Images.Min(i => i.CreatedAt);
        var average = async ? await db.Images.AverageAsync(i => i.SizeGigabytes) : db.Images.Average(i => i.SizeGigabytes);

        Assert.Equal(fake.Sum(i => i.MinDiskSize), sum);
        Assert.Equal(fake.Max(i => i.SizeGigabytes), max);
        Assert.Equal(fake.Min(i => i.CreatedAt), min);
        Assert.Equal(fake.Average(i => i.SizeGigabytes)!.Value, average!.Value, 9);
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage, FirstPage, FirstPage);
    }

    [Fact]
    public void Aggregates_apply_to_the_filtered_images_only()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var backups = cloud.Fake.Images.Where(i => i.Type == ImageTypes.Backup).ToList();

        var count = db.Images.Count(i => i.Type == ImageTypes.Backup);
        var largest = db.Images.PrivateOnly().Where(i => i.Type == ImageTypes.Backup).Max(i => i.SizeGigabytes);
        var names = db.Images.Where(i => i.Type == ImageTypes.Backup).OrderBy(i => i.Name).Select(i => i.Name).ToList();

        Assert.Equal(backups.Count, count);
        Assert.Equal(backups.Max(i => i.SizeGigabytes), largest);
        Assert.Equal(backups.Select(i => i.Name).Order(StringComparer.Ordinal), names);
        RequestAssert.Sent(cloud.Requests, FirstPage, "GET /v2/images?private=true&per_page=200&page=1", FirstPage);
    }

    [Fact]
    public void Max_of_an_empty_listing_throws_as_LINQ_does_and_nullable_Max_is_null()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        Assert.Throws<InvalidOperationException>(() => db.Images.Max(i => i.CreatedAt));
        Assert.Null(db.Images.Max(i => i.SizeGigabytes));
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage);
    }

    [Fact]
    public void Distinct_Last_All_and_Contains_run_in_memory()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var fake = cloud.Fake.Images;

        var types = db.Images.Select(i => i.Type).Distinct().ToList();
        var lastBackup = db.Images.Last(i => i.Type == ImageTypes.Backup);
        var allAvailable = db.Images.PrivateOnly().All(i => i.Status == ImageStatuses.Available);
        var hasDebian = db.Images.Select(i => i.Slug).Contains("debian-12-x64");

        Assert.Equal(fake.Select(i => i.Type).Distinct().Order(), types.Order());
        Assert.Equal(fake.Last(i => i.Type == ImageTypes.Backup).Id, lastBackup.Id);
        Assert.False(allAvailable);
        Assert.True(hasDebian);
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage, "GET /v2/images?private=true&per_page=200&page=1", FirstPage);
    }

    [Fact]
    public void GroupBy_runs_over_the_listed_images()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var byType = db.Images.PrivateOnly().GroupBy(i => i.Type).Select(g => new { Type = g.Key, Count = g.Count() }).ToList();

        var expected = cloud.Fake.Images.Where(i => i.Category == ImageCategory.User)
            .GroupBy(i => i.Type).Select(g => new { Type = g.Key, Count = g.Count() });
        Assert.Equal(expected.OrderBy(g => g.Type), byType.OrderBy(g => g.Type));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?private=true&per_page=200&page=1");
    }
}
