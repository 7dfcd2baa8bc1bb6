using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>Snapshots are read and deleted; regions only read. Anything else is refused before any request.</summary>
public class ReadOnlyResourceWriteTests
{
    private static TestCloud Start()
        => TestCloud.Start(new DigitalOceanFakeOptions
        {
            Seed = [Seeds.DropletSnapshot(1001, "web-1", 7), Seeds.DropletSnapshot(1002, "web-2", 7)],
            VolumeSnapshots = [Seeds.VolumeSnapshot("fbe805e8-866b-11e6-96bf-000f53315a41", "data-1", "vol-1")],
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Removing_a_snapshot_deletes_it_and_its_image(bool async)
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();
        var snapshot = db.Snapshots.Find("1001")!;
        var volume = db.Snapshots.Find("fbe805e8-866b-11e6-96bf-000f53315a41")!;
        cloud.Fake.ClearRequests();

        db.Snapshots.RemoveRange(snapshot, volume);
        var saved = async ? await db.SaveChangesAsync() : db.SaveChanges();

        Assert.Equal(2, saved);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal([1002L], cloud.Fake.Images.Select(i => i.Id));
        Assert.Empty(cloud.Fake.VolumeSnapshots);
        RequestAssert.Sent(cloud.Requests, "DELETE /v2/snapshots/1001", "DELETE /v2/snapshots/fbe805e8-866b-11e6-96bf-000f53315a41");
    }

    [Fact]
    public async Task ExecuteDelete_deletes_what_the_filter_selects()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        var deleted = await db.Snapshots.Where(s => s.ResourceType == SnapshotResourceTypes.Droplet).ExecuteDeleteAsync();

        Assert.Equal(2, deleted);
        Assert.Empty(cloud.Fake.Images);
        Assert.Single(cloud.Fake.VolumeSnapshots);
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/snapshots?resource_type=droplet&per_page=200&page=1",
            "DELETE /v2/snapshots/1001",
            "DELETE /v2/snapshots/1002");
    }

    [Fact]
    public void Changing_a_snapshot_is_refused_naming_the_property()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();
        var snapshot = db.Snapshots.Find("1001")!;
        cloud.Fake.ClearRequests();

        snapshot.Name = "renamed";
        snapshot.Tags = ["prod"];
        var error = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains("Snapshot 1001: Name cannot be changed; the API updates no property of a Snapshot.", error.Message);
        Assert.Contains("Snapshot 1001: Tags cannot be changed; the API updates no property of a Snapshot.", error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void Adding_a_snapshot_or_a_region_is_refused()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();

        db.Snapshots.Add(new Snapshot { Id = "1", Name = "new snapshot" });
        db.Regions.Add(new Region { Slug = "zzz1", Name = "Nowhere" });
        var error = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains("The new Snapshot 'new snapshot': the API cannot create a Snapshot", error.Message);
        Assert.Contains("The new Region 'Nowhere': the API cannot create a Region", error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void Regions_cannot_be_deleted_or_changed()
    {
        using var cloud = Start();
        using var db = cloud.CreateContext();
        var regions = db.Regions.Take(2).ToList();
        cloud.Fake.ClearRequests();

        regions[0].Name = "Renamed";
        db.Regions.Remove(regions[1]);
        var save = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        var bulk = Assert.Throws<InvalidOperationException>(() => db.Regions.ExecuteDelete());
        var bulkUpdate = Assert.Throws<InvalidOperationException>(() => db.Snapshots.ExecuteUpdate(s => s.SetProperty(x => x.Name, "x")));

        Assert.Contains($"Region {regions[0].Slug}: Name cannot be changed; the API updates no property of a Region.", save.Message);
        Assert.Contains($"Region {regions[1].Slug}: the API cannot delete a Region.", save.Message);
        Assert.Contains("ExecuteDelete cannot delete Region items: the API has no delete for them.", bulk.Message);
        Assert.Contains("ExecuteUpdate cannot set", bulkUpdate.Message);
        Assert.Contains("the API updates no property of a Snapshot", bulkUpdate.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }
}
