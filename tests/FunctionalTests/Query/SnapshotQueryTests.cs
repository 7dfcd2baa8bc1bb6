using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>db.Snapshots</c>: paged like images, <c>resource_type</c> pushed, point reads by a string id.</summary>
public class SnapshotQueryTests
{
    private const string VolumeSnapshotId = "fbe805e8-866b-11e6-96bf-000f53315a41";

    private static TestCloud Start(int dropletSnapshots = 3)
        => TestCloud.Start(new DigitalOceanFakeOptions
        {
            Seed = Enumerable.Range(1, dropletSnapshots).Select(i => Seeds.DropletSnapshot(1000 + i, $"web-{i}", dropletId: 7 + (i % 2))),
            VolumeSnapshots = [Seeds.VolumeSnapshot(VolumeSnapshotId, "data-1", "vol-1")],
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_set_is_paged_like_images_with_string_ids(bool async)
    {
        using var cloud = Start(dropletSnapshots: 450);
        using var db = cloud.CreateContext();

        var snapshots = await QueryRunner.ToListAsync(db.Snapshots, async);

        Assert.Equal(451, snapshots.Count);
        Assert.Equal("1001", snapshots[0].Id);
        Assert.Equal(SnapshotResourceTypes.Droplet, snapshots[0].ResourceType);
        Assert.Equal("8", snapshots[0].ResourceId);
        var volume = Assert.Single(snapshots, s => s.ResourceType == SnapshotResourceTypes.Volume);
        Assert.Equal((VolumeSnapshotId, "vol-1", "data-1"), (volume.Id, volume.ResourceId, volume.Name));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/snapshots?per_page=200", 3));
    }

    [Theory]
    [InlineData(SnapshotResourceTypes.Droplet, 3)]
    [InlineData(SnapshotResourceTypes.Volume, 1)]
    public void Resource_type_is_sent_as_the_filter(string resourceType, int expected)
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        var snapshots = db.Snapshots.Where(s => s.ResourceType == resourceType).ToList();

        Assert.Equal(expected, snapshots.Count);
        Assert.All(snapshots, s => Assert.Equal(resourceType, s.ResourceType));
        RequestAssert.Sent(cloud.Requests, $"GET /v2/snapshots?resource_type={resourceType}&per_page=200&page=1");
        Assert.Empty(cloud.Log.Of(DigitalOceanEventId.FullListingWarning));
    }

    [Fact]
    public void A_constant_resource_type_is_counted_from_meta_total()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        var count = db.Snapshots.Count(s => s.ResourceType == SnapshotResourceTypes.Droplet);

        Assert.Equal(3, count);
        RequestAssert.Sent(cloud.Requests, "GET /v2/snapshots?resource_type=droplet&per_page=1&page=1");
    }

    [Fact]
    public void A_resource_type_the_API_does_not_take_is_filtered_in_memory()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        var snapshots = db.Snapshots.Where(s => s.ResourceType == "Droplet").ToList();

        Assert.Empty(snapshots);
        RequestAssert.Sent(cloud.Requests, "GET /v2/snapshots?per_page=200&page=1");
    }

    [Theory]
    [InlineData("volume", "GET /v2/snapshots?resource_type=volume&per_page=200&page=1", 1)]
    [InlineData("image", "GET /v2/snapshots?per_page=200&page=1", 0)]
    public void A_parameter_is_sent_when_the_API_takes_its_value_and_checked_in_memory_either_way(
        string resourceType, string request, int expected)
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        var snapshots = db.Snapshots.Where(s => s.ResourceType == resourceType).ToList();

        Assert.Equal(expected, snapshots.Count);
        RequestAssert.Sent(cloud.Requests, request);
    }

    [Fact]
    public void Take_becomes_the_page_size()
    {
        using var cloud = Start(dropletSnapshots: 30);
        using var db = cloud.CreateContext();

        var snapshots = db.Snapshots.Take(5).ToList();

        Assert.Equal(["1001", "1002", "1003", "1004", "1005"], snapshots.Select(s => s.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/snapshots?per_page=5&page=1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_and_an_id_filter_read_one_snapshot(bool async)
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        var volume = async ? await db.Snapshots.FindAsync(VolumeSnapshotId) : db.Snapshots.Find(VolumeSnapshotId);
        var droplet = await QueryRunner.ToListAsync(db.Snapshots.Where(s => s.Id == "1002"), async);

        Assert.Equal("data-1", volume!.Name);
        Assert.Equal("web-2", Assert.Single(droplet).Name);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/snapshots/{VolumeSnapshotId}", "GET /v2/snapshots/1002");
    }

    [Fact]
    public void A_missing_snapshot_and_an_image_that_is_not_a_snapshot_both_give_no_result()
    {
        using var cloud = Start();
        var custom = Seeds.PrivateImage(5000, "custom-image");
        custom.Type = ImageTypes.Custom;
        cloud.Fake.AddImage(custom);
        using var db = cloud.CreateContext();

        Assert.Null(db.Snapshots.Find("999999"));
        Assert.Null(db.Snapshots.Find("5000"));

        RequestAssert.Sent(cloud.Requests, "GET /v2/snapshots/999999", "GET /v2/snapshots/5000");
        Assert.Equal([404, 400], cloud.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public void A_short_id_list_is_read_one_by_one()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();
        var ids = new[] { "1001", VolumeSnapshotId, "missing" };

        var snapshots = db.Snapshots.Where(s => ids.Contains(s.Id)).ToList();

        Assert.Equal(["1001", VolumeSnapshotId], snapshots.Select(s => s.Id));
        RequestAssert.Sent(
            cloud.Requests, "GET /v2/snapshots/1001", $"GET /v2/snapshots/{VolumeSnapshotId}", "GET /v2/snapshots/missing");
    }

    [Fact]
    public void Snapshots_are_tracked_and_resolved_by_their_string_id()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        var listed = db.Snapshots.ToList();
        var found = db.Snapshots.Find("1002");

        Assert.Same(listed.Single(s => s.Id == "1002"), found);
        Assert.Equal(4, db.ChangeTracker.Entries<Snapshot>().Count());
        RequestAssert.Sent(cloud.Requests, "GET /v2/snapshots?per_page=200&page=1");
    }

    [Fact]
    public void ToQueryString_shows_the_snapshot_requests()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        Assert.StartsWith(
            "GET /v2/snapshots?resource_type=volume&per_page=200&page=1",
            db.Snapshots.Where(s => s.ResourceType == SnapshotResourceTypes.Volume).ToQueryString());
        Assert.Equal($"GET /v2/snapshots/{VolumeSnapshotId}", db.Snapshots.Where(s => s.Id == VolumeSnapshotId).ToQueryString().Split('\n')[0].Trim());
        RequestAssert.NoneSent(cloud.Requests);
    }
}
