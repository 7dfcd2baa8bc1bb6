using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     A query over several sets: each set's own query is sent once, with its own push-down, and the sets are combined in
///     memory.
/// </summary>
public class CrossSetQueryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_subquery_over_the_same_set_lists_it_once_and_filters_in_memory(bool async)
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(1, "a"), Seeds.PrivateImage(2, "b"), Seeds.PrivateImage(4, "d")]);
        using var db = cloud.CreateContext();

        var images = await QueryRunner.ToListAsync(db.Images.Where(i => db.Images.Any(j => j.Id == i.Id + 1)), async);

        Assert.Equal([1L], images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void A_filter_on_one_side_is_pushed_for_that_side()
    {
        using var cloud = TestCloud.Start(
            [Seeds.PrivateImage(1, "a", "prod"), Seeds.PrivateImage(2, "b"), Seeds.PrivateImage(3, "c", "prod")]);
        using var db = cloud.CreateContext();

        var pairs = (from i in db.Images.Where(i => i.Tags.Contains("prod"))
                     join j in db.Images on i.Id + 1 equals j.Id
                     select new { First = i.Id, Second = j.Id }).ToList();

        Assert.Equal([(1L, 2L)], pairs.Select(p => (p.First, p.Second)));
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?tag_name=prod&per_page=200&page=1",
            "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void A_conjunct_about_the_outer_set_alone_is_pushed_with_it()
    {
        using var cloud = TestCloud.Start(
            [Seeds.PrivateImage(1, "a", "prod"), Seeds.PrivateImage(2, "b", "prod"), Seeds.PrivateImage(3, "c")]);
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Tags.Contains("prod") && db.Images.Any(j => j.Id == i.Id + 1)).ToList();

        Assert.Equal([1L, 2L], images.Select(i => i.Id).Order());
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?tag_name=prod&per_page=200&page=1",
            "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public async Task A_scalar_over_two_sets_is_answered_in_memory()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(1, "a"), Seeds.PrivateImage(2, "b"), Seeds.PrivateImage(4, "d")]);
        using var db = cloud.CreateContext();

        var count = await db.Images.CountAsync(i => db.Images.Any(j => j.Id == i.Id - 1));

        Assert.Equal(1, count);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void Entities_of_both_sides_are_tracked_once()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(1, "a"), Seeds.PrivateImage(2, "b")]);
        using var db = cloud.CreateContext();

        var pairs = (from i in db.Images join j in db.Images.Where(j => j.Name == "b") on i.Id + 1 equals j.Id select new { i, j }).ToList();

        var pair = Assert.Single(pairs);
        Assert.Same(db.Images.Local.Single(i => i.Id == 2), pair.j);
        Assert.Equal(2, db.ChangeTracker.Entries().Count());
    }

    [Fact]
    public void No_tracking_anywhere_applies_to_every_set()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(1, "a"), Seeds.PrivateImage(2, "b")]);
        using var db = cloud.CreateContext();

        var pairs = (from i in db.Images.AsNoTracking() join j in db.Images on i.Id + 1 equals j.Id select new { i, j }).ToList();

        Assert.Single(pairs);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public void ToQueryString_shows_each_sets_requests_and_sends_nothing()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(1, "a")]);
        using var db = cloud.CreateContext();

        var text = (from i in db.Images.Where(i => i.Tags.Contains("prod")) join j in db.Images on i.Id equals j.Id select j).ToQueryString();

        Assert.Contains("GET /v2/images?tag_name=prod&per_page=200&page=1", text);
        Assert.Contains("GET /v2/images?per_page=200&page=1", text);
        Assert.Contains("combined in memory: Join", text);
        RequestAssert.NoneSent(cloud.Requests);
    }
}
