using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;
using static EFCore.DigitalOcean.FunctionalTests.Update.Support.BulkWriteCatalog;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>ExecuteUpdate lists the matches as the query would, then sends one PUT per match with the new values.</summary>
public class ExecuteUpdateTests
{
    [Fact]
    public async Task Puts_the_new_value_to_each_match_and_returns_their_count()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();

        var updated = await OldSnapshots(db).ExecuteUpdateAsync(s => s.SetProperty(i => i.Description, "x"));

        Assert.Equal(2, updated);
        RequestAssert.Sent(cloud.Requests, [Listing, .. Matches.Select(id => $"PUT /v2/images/{id}")]);
        Assert.All(cloud.Requests.Where(r => r.Method == "PUT"), r => BodyAssert.Json("""{"description":"x"}""", r.Body));
        Assert.Equal(
            ["x", "x", "description of new-snap"],
            new[] { OldSnapshotA, OldSnapshotB, NewSnapshot }.Select(id => cloud.Fake.FindImage(id)!.Description));
    }

    [Fact]
    public async Task Tracked_matches_get_the_new_value_and_stay_unchanged()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();
        var tracked = await db.Images.PrivateOnly().ToDictionaryAsync(i => i.Id);

        await OldSnapshots(db).ExecuteUpdateAsync(s => s.SetProperty(i => i.Description, "x"));

        Assert.All(Matches, id =>
        {
            var entry = db.Entry(tracked[id]);
            Assert.Equal("x", tracked[id].Description);
            Assert.Equal(EntityState.Unchanged, entry.State);
            Assert.Equal("x", entry.Property(i => i.Description).OriginalValue);
        });
        Assert.Equal("description of new-snap", tracked[NewSnapshot].Description);

        // Nothing is left for SaveChanges to send.
        cloud.Fake.ClearRequests();
        Assert.Equal(0, await db.SaveChangesAsync());
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public async Task A_pending_local_edit_of_another_field_stays_pending()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();
        var image = await db.Images.SingleAsync(i => i.Id == OldSnapshotA);
        image.Name = "local rename";

        await OldSnapshots(db).ExecuteUpdateAsync(s => s.SetProperty(i => i.Description, "x"));

        var entry = db.Entry(image);
        Assert.Equal(EntityState.Modified, entry.State);
        Assert.Equal(("local rename", "x"), (image.Name, image.Description));
        Assert.Equal((true, false), (entry.Property(i => i.Name).IsModified, entry.Property(i => i.Description).IsModified));

        cloud.Fake.ClearRequests();
        await db.SaveChangesAsync();
        RequestAssert.Sent(cloud.Requests, $"PUT /v2/images/{OldSnapshotA}");
        BodyAssert.Json("""{"name":"local rename"}""", cloud.Requests[0].Body);
    }

    [Fact]
    public async Task A_value_computed_from_each_row_is_sent_per_image()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();

        await OldSnapshots(db).ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, i => "old " + i.Name));

        var puts = cloud.Requests.Where(r => r.Method == "PUT").ToDictionary(r => r.Path);
        BodyAssert.Json("""{"name":"old old-snap-a"}""", puts[$"/v2/images/{OldSnapshotA}"].Body);
        BodyAssert.Json("""{"name":"old old-snap-b"}""", puts[$"/v2/images/{OldSnapshotB}"].Body);
        Assert.Equal(2, puts.Count);
        Assert.Equal("old old-snap-a", cloud.Fake.FindImage(OldSnapshotA)!.Name);
    }

    [Fact]
    public async Task Several_setters_go_in_one_put_per_image()
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();

        await db.Images.Where(i => i.Id == OldSnapshotA)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, "archived").SetProperty(i => i.Distribution, ImageDistributions.Ubuntu));

        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{OldSnapshotA}", $"PUT /v2/images/{OldSnapshotA}");
        BodyAssert.Json("""{"name":"archived","distribution":"Ubuntu"}""", cloud.Requests[1].Body);
    }

    [Theory]
    [InlineData(nameof(Image.Slug))]
    [InlineData(nameof(Image.Tags))]
    [InlineData(nameof(Image.Type))]
    [InlineData(nameof(Image.Public))]
    public async Task Setting_a_field_the_API_cannot_update_fails_before_any_request(string property)
    {
        using var cloud = TestCloud.Start(Seed());
        using var db = cloud.CreateWriteContext();
        var matches = OldSnapshots(db);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => property switch
        {
            nameof(Image.Slug) => matches.ExecuteUpdateAsync(s => s.SetProperty(i => i.Slug, "golden")),
            nameof(Image.Tags) => matches.ExecuteUpdateAsync(s => s.SetProperty(i => i.Tags, new List<string> { "prod" })),
            nameof(Image.Type) => matches.ExecuteUpdateAsync(s => s.SetProperty(i => i.Type, ImageTypes.Custom)),
            _ => matches.ExecuteUpdateAsync(s => s.SetProperty(i => i.Public, true))
        });

        Assert.Contains("ExecuteUpdate can set only Name, Distribution, Description", exception.Message);
        Assert.Matches($"'[^']*{property}[^']*' is not one of them", exception.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }
}
