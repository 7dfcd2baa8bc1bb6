using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using static EFCore.DigitalOcean.FunctionalTests.Update.Support.BulkWriteCatalog;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>ExecuteDelete lists the matches as the query would, then sends one DELETE per match.</summary>
public class ExecuteDeleteTests
{
    [Fact]
    public async Task Deletes_exactly_the_matching_images_and_returns_their_count()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();

        var deleted = await OldSnapshots(db).ExecuteDeleteAsync();

        Assert.Equal(2, deleted);
        RequestAssert.Sent(cloud.Requests, [Listing, .. Matches.Select(id => $"DELETE /v2/images/{id}")]);
        Assert.Equal("GET /v2/images", cloud.Requests[0].Method + " " + cloud.Requests[0].Path); // the listing comes first
        Assert.Equal([PublicSnapshot, NewSnapshot, OldBackup, OldCustom], cloud.Fake.Images.Select(i => i.Id));
    }

    [Fact]
    public async Task The_synchronous_form_does_the_same()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();

        Assert.Equal(2, OldSnapshots(db).ExecuteDelete());

        RequestAssert.Sent(cloud.Requests, [Listing, .. Matches.Select(id => $"DELETE /v2/images/{id}")]);
    }

    [Fact]
    public async Task Tracked_matches_are_detached_and_other_entities_are_left_alone()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();
        var tracked = await db.Images.PrivateOnly().ToDictionaryAsync(i => i.Id);
        tracked[NewSnapshot].Description = "keep me";

        await OldSnapshots(db).ExecuteDeleteAsync();

        Assert.All(Matches, id => Assert.Equal(EntityState.Detached, db.Entry(tracked[id]).State));
        Assert.Equal(EntityState.Modified, db.Entry(tracked[NewSnapshot]).State);
        Assert.Equal("keep me", tracked[NewSnapshot].Description);
        Assert.Equal(EntityState.Unchanged, db.Entry(tracked[OldBackup]).State);
        Assert.Equal(3, db.ChangeTracker.Entries<Image>().Count());
    }

    [Fact]
    public async Task Nothing_matching_sends_only_the_listing()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();

        var deleted = await db.Images.PrivateOnly().Where(i => i.Name == "no such image").ExecuteDeleteAsync();

        Assert.Equal(0, deleted);
        RequestAssert.Sent(cloud.Requests, Listing);
        Assert.Equal(6, cloud.Fake.Images.Count);
    }

    [Fact]
    public async Task A_partial_failure_says_how_many_succeeded_and_which_ids_failed()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();
        var tracked = await db.Images.PrivateOnly().ToDictionaryAsync(i => i.Id);
        cloud.Fake.ClearRequests();
        cloud.Fake.InjectFault(new FakeFault { Method = "DELETE", When = r => r.Path == $"/v2/images/{OldSnapshotB}" });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => OldSnapshots(db).ExecuteDeleteAsync());

        Assert.Contains("1 of 2", exception.Message);
        Assert.Contains($"{OldSnapshotB}: DELETE /v2/images/{OldSnapshotB} failed with 500 server_error", exception.Message);
        Assert.DoesNotContain($"{OldSnapshotA}:", exception.Message);
        Assert.Contains(cloud.Requests.Single(r => r.StatusCode == 500).RequestId, exception.Message);
        RequestAssert.Sent(cloud.Requests, [Listing, .. Matches.Select(id => $"DELETE /v2/images/{id}")]);

        // The tracker follows the server: the deleted one is gone, the one that failed is still there.
        Assert.Equal(EntityState.Detached, db.Entry(tracked[OldSnapshotA]).State);
        Assert.Equal(EntityState.Unchanged, db.Entry(tracked[OldSnapshotB]).State);
        Assert.Null(cloud.Fake.FindImage(OldSnapshotA));
        Assert.NotNull(cloud.Fake.FindImage(OldSnapshotB));
    }

    [Fact]
    public async Task Deletes_run_at_most_MaxConcurrentRequests_at_once()
    {
        var ids = Enumerable.Range(1, 6).Select(i => 300L + i).ToList();
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions
        {
            Seed = ids.Select(id => OwnImages.Snapshot(id, $"snapshot {id}")),
            Latency = TimeSpan.FromMilliseconds(60)
        });
        using var db = cloud.CreateWriteContext(o => o.MaxConcurrentRequests(2));

        Assert.Equal(6, await db.Images.PrivateOnly().ExecuteDeleteAsync());

        Assert.Equal(2, cloud.Fake.MaxConcurrentRequestsObserved);
        Assert.Empty(cloud.Fake.Images);
    }
}
