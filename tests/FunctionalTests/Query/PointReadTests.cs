using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>Id == x</c>, <c>Find</c> and <c>FindAsync</c> become one <c>GET /v2/images/{id}</c>.</summary>
public class PointReadTests
{
    private const long KnownId = 4242;
    private const long MissingId = 999_999;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_id_equals_reads_that_image_only(bool async)
    {
        using var cloud = StartCloud();
        using var db = cloud.CreateContext();
        var id = KnownId;

        var images = await QueryRunner.ToListAsync(db.Images.Where(i => i.Id == id), async);

        Assert.Equal("web-01 golden", Assert.Single(images).Name);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{KnownId}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_id_equals_an_unknown_id_is_empty_not_an_error(bool async)
    {
        using var cloud = StartCloud();
        using var db = cloud.CreateContext();

        var images = await QueryRunner.ToListAsync(db.Images.Where(i => i.Id == MissingId), async);

        Assert.Empty(images);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{MissingId}");
        Assert.Equal(404, Assert.Single(cloud.Requests).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_reads_the_image_by_id(bool async)
    {
        using var cloud = StartCloud();
        using var db = cloud.CreateContext();

        var image = async ? await db.Images.FindAsync(KnownId) : db.Images.Find(KnownId);

        Assert.Equal("web-01 golden", image?.Name);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{KnownId}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_of_an_unknown_id_returns_null(bool async)
    {
        using var cloud = StartCloud();
        using var db = cloud.CreateContext();

        var image = async ? await db.Images.FindAsync(MissingId) : db.Images.Find(MissingId);

        Assert.Null(image);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{MissingId}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_of_a_tracked_image_sends_nothing(bool async)
    {
        using var cloud = StartCloud();
        using var db = cloud.CreateContext();
        var listed = db.Images.Single(i => i.Id == KnownId);
        cloud.Fake.ClearRequests();

        var found = async ? await db.Images.FindAsync(KnownId) : db.Images.Find(KnownId);

        Assert.Same(listed, found);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void A_point_read_with_a_further_in_memory_condition_applies_it()
    {
        using var cloud = StartCloud();
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Id == KnownId && i.Name == "something else").ToList();

        Assert.Empty(images);
        Assert.Empty(db.ChangeTracker.Entries());
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{KnownId}");
    }

    [Fact]
    public void A_scope_operator_turns_the_point_read_into_a_scoped_listing()
    {
        using var cloud = StartCloud();
        using var db = cloud.CreateContext();

        var images = db.Images.PrivateOnly().Where(i => i.Id == KnownId).ToList();

        Assert.Equal(KnownId, Assert.Single(images).Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?private=true&per_page=200&page=1");
    }

    [Fact]
    public void A_point_read_is_found_by_a_later_Find_without_a_request()
    {
        using var cloud = StartCloud();
        using var db = cloud.CreateContext();
        var read = db.Images.Where(i => i.Id == KnownId).ToList();
        cloud.Fake.ClearRequests();

        Assert.Same(Assert.Single(read), db.Images.Find(KnownId));
        RequestAssert.NoneSent(cloud.Requests);
    }

    private static TestCloud StartCloud()
        => TestCloud.Start([Seeds.PrivateImage(1001, "db-01 nightly"), Seeds.PrivateImage(KnownId, "web-01 golden"), Seeds.PrivateImage(5005, "ci")]);
}
