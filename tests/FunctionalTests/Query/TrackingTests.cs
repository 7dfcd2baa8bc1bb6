using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>Queried images are tracked and resolved to one instance per id, like any EF provider's.</summary>
public class TrackingTests
{
    [Fact]
    public void Only_the_images_that_pass_the_filter_are_tracked()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var backups = db.Images.Where(i => i.Type == ImageTypes.Backup).ToList();

        Assert.NotEmpty(backups);
        Assert.Equal(
            backups.Select(i => i.Id).Order(),
            db.ChangeTracker.Entries<Image>().Select(e => e.Entity.Id).Order());
        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void A_second_query_returns_the_tracked_instances_and_keeps_local_changes()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var first = db.Images.PrivateOnly().ToList();
        first[0].Name = "renamed locally";

        var second = db.Images.ToList();
        var pointRead = db.Images.Where(i => i.Id == first[1].Id).ToList();

        Assert.All(first, image => Assert.Same(image, second.Single(i => i.Id == image.Id)));
        Assert.Same(first[1], Assert.Single(pointRead));
        Assert.Equal("renamed locally", first[0].Name);
        Assert.Equal(EntityState.Modified, db.Entry(first[0]).State);
        Assert.Equal(cloud.Fake.Images.Count, db.ChangeTracker.Entries().Count());
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?private=true&per_page=200&page=1",
            "GET /v2/images?per_page=200&page=1",
            $"GET /v2/images/{first[1].Id}");
    }

    [Fact]
    public void AsNoTracking_tracks_nothing_and_returns_new_instances()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var first = db.Images.AsNoTracking().ToList();
        var second = db.Images.AsNoTracking().ToList();

        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(first.Select(i => i.Id), second.Select(i => i.Id));
        Assert.NotSame(first[0], second[0]);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1", "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void A_context_configured_for_no_tracking_tracks_nothing()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext(configure: b => b.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));

        var images = db.Images.Where(i => i.Id == cloud.Fake.Images[0].Id).ToList();

        Assert.Single(images);
        Assert.Empty(db.ChangeTracker.Entries());
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{cloud.Fake.Images[0].Id}");
    }

    [Fact]
    public void Identity_resolution_without_tracking_gives_one_instance_per_image_within_a_query()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var pairs = db.Images.AsNoTrackingWithIdentityResolution().Select(i => new { First = i, Again = i }).ToList();
        var other = db.Images.AsNoTrackingWithIdentityResolution().ToList();

        Assert.Equal(cloud.Fake.Images.Select(i => i.Id), pairs.Select(p => p.First.Id));
        Assert.All(pairs, p => Assert.Same(p.First, p.Again));
        Assert.NotSame(pairs[0].First, other[0]);
        Assert.Empty(db.ChangeTracker.Entries());
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1", "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void A_projection_tracks_nothing()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var rows = db.Images.Select(i => new { i.Name, i.Slug }).ToList();

        Assert.Equal(cloud.Fake.Images.Count, rows.Count);
        Assert.Empty(db.ChangeTracker.Entries());
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }
}
