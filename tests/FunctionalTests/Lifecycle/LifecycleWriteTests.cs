using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Lifecycle;

/// <summary>
///     Copying to regions, converting a backup and tagging are property changes and SaveChanges; waiting follows every action
///     this context started. Each test asserts the entity, the server and the exact requests.
/// </summary>
public class LifecycleWriteTests
{
    private const long ImageId = 4242;
    private const long OtherId = 4343;

    private static TestCloud Start(DigitalOceanFakeOptions? options = null, string type = ImageTypes.Snapshot, params string[] tags)
    {
        var image = OwnImages.Create(ImageId, "web-01", type, daysOld: 3);
        image.Tags = [.. tags];
        var other = OwnImages.Create(OtherId, "web-02", ImageTypes.Snapshot, daysOld: 4);
        return TestCloud.Start(new DigitalOceanFakeOptions
        {
            Seed = [image, other],
            ActionPolls = options?.ActionPolls ?? 2,
            ActionNotFoundPolls = options?.ActionNotFoundPolls ?? 0,
        });
    }

    private static async Task<(CloudContext Db, Image Image)> LoadAsync(TestCloud cloud, long id = ImageId)
    {
        var db = cloud.CreateWriteContext();
        var image = await db.Images.SingleAsync(i => i.Id == id);
        cloud.Fake.ClearRequests();
        return (db, image);
    }

    private static string ActionsPath(long id = ImageId) => $"/v2/images/{id}/actions";

    [Fact]
    public async Task Adding_regions_sends_one_transfer_per_region_and_the_wait_follows_them_to_the_end()
    {
        using var cloud = Start();
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;

        image.Regions = [.. image.Regions, "sfo3", "ams3"];
        await db.SaveChangesAsync();

        Assert.Equal(["fra1", "sfo3", "ams3"], image.Regions);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        var posts = cloud.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal(ActionsPath(), p.Path));
        Assert.Equal(
            ["""{"type":"transfer","region":"ams3"}""", """{"type":"transfer","region":"sfo3"}"""],
            posts.Select(p => p.Body!).Order());
        Assert.Equal(2, cloud.Requests.Count);
        Assert.All(cloud.Fake.Actions, a => Assert.Equal(ImageActionStatuses.InProgress, a.Status));

        cloud.Fake.ClearRequests();
        await db.Images.WaitUntilAvailableAsync(image);

        Assert.Equal(["ams3", "fra1", "sfo3"], cloud.Fake.FindImage(ImageId)!.Regions.Order());
        Assert.Equal(["ams3", "fra1", "sfo3"], image.Regions.Order());
        Assert.All(cloud.Fake.Actions, a => Assert.Equal(ImageActionStatuses.Completed, a.Status));
        var actionIds = cloud.Fake.Actions.Select(a => a.Id).ToList();
        RequestAssert.Sent(
            cloud.Requests,
            [.. actionIds.SelectMany(id => Enumerable.Repeat($"GET {ActionsPath()}/{id}", 2)), $"GET /v2/images/{ImageId}"]);
        Assert.Equal($"GET /v2/images/{ImageId}", cloud.Requests[^1].Method + " " + cloud.Requests[^1].Path);
    }

    [Fact]
    public async Task Converting_a_backup_is_one_convert_action_and_the_wait_reads_the_new_type()
    {
        using var cloud = Start(type: ImageTypes.Backup);
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;

        image.Type = ImageTypes.Snapshot;
        await db.SaveChangesAsync();
        await db.Images.WaitUntilAvailableAsync(image);

        var post = Assert.Single(cloud.Requests, r => r.Method == "POST");
        Assert.Equal(ActionsPath(), post.Path);
        BodyAssert.Json("""{"type":"convert"}""", post.Body);
        Assert.Equal(ImageTypes.Snapshot, image.Type);
        Assert.Equal(ImageTypes.Snapshot, cloud.Fake.FindImage(ImageId)!.Type);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
    }

    [Fact]
    public async Task Tags_gained_and_lost_are_one_request_each_and_keep_the_servers_case()
    {
        using var cloud = Start(tags: ["web", "old"]);
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;

        image.Tags = ["prod", "WEB"];
        await db.SaveChangesAsync();

        Assert.Equal(["prod", "web"], image.Tags);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        Assert.Equal(["prod", "web"], cloud.Fake.FindImage(ImageId)!.Tags!.Order());
        var resources = $$"""{"resources":[{"resource_id":"{{ImageId}}","resource_type":"image"}]}""";
        RequestAssert.Sent(cloud.Requests, "POST /v2/tags", "POST /v2/tags/prod/resources", "DELETE /v2/tags/old/resources");
        BodyAssert.Json("""{"name":"prod"}""", cloud.Requests.Single(r => r.Path == "/v2/tags").Body);
        BodyAssert.Json(resources, cloud.Requests.Single(r => r.Path == "/v2/tags/prod/resources").Body);
        BodyAssert.Json(resources, cloud.Requests.Single(r => r.Path == "/v2/tags/old/resources").Body);
        Assert.Equal([ImageId], db.Images.Where(i => i.Tags.Contains("prod")).Select(i => i.Id).ToList());
    }

    [Fact]
    public async Task A_tag_gained_by_several_images_is_one_request_listing_them_all()
    {
        using var cloud = Start();
        using var db = cloud.CreateWriteContext();
        var images = await db.Images.PrivateOnly().ToListAsync();
        cloud.Fake.ClearRequests();

        foreach (var image in images)
        {
            image.Tags = [.. image.Tags, "keep"];
        }

        var saved = await db.SaveChangesAsync();

        Assert.Equal(2, saved);
        RequestAssert.Sent(cloud.Requests, "POST /v2/tags", "POST /v2/tags/keep/resources");
        BodyAssert.Json(
            $$"""{"resources":[{"resource_id":"{{ImageId}}","resource_type":"image"},{"resource_id":"{{OtherId}}","resource_type":"image"}]}""",
            cloud.Requests.Single(r => r.Path == "/v2/tags/keep/resources").Body);
        Assert.All(cloud.Fake.Images, i => Assert.Contains("keep", i.Tags!));
    }

    [Fact]
    public async Task A_tag_that_exists_in_another_case_is_used_in_the_servers_case()
    {
        using var cloud = Start(tags: ["Prod"]);
        var (db, other) = await LoadAsync(cloud, OtherId);
        using var _ = db;

        other.Tags = ["prod"];
        await db.SaveChangesAsync();

        Assert.Equal(["Prod"], other.Tags);
        RequestAssert.Sent(cloud.Requests, "POST /v2/tags", "POST /v2/tags/Prod/resources");
        Assert.Equal(["Prod"], cloud.Fake.FindImage(OtherId)!.Tags);
    }

    [Fact]
    public async Task A_rename_a_transfer_and_a_tag_in_one_save_are_independent_writes()
    {
        using var cloud = Start();
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;

        image.Name = "web-01-final";
        image.Regions = [.. image.Regions, "sfo3"];
        image.Tags = ["prod"];
        await db.SaveChangesAsync();

        Assert.Equal("web-01-final", image.Name);
        Assert.Equal(["fra1", "sfo3"], image.Regions);
        Assert.Equal(["prod"], image.Tags);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        RequestAssert.Sent(
            cloud.Requests, $"PUT /v2/images/{ImageId}", $"POST {ActionsPath()}", "POST /v2/tags", "POST /v2/tags/prod/resources");
        BodyAssert.Json("""{"name":"web-01-final"}""", cloud.Requests.Single(r => r.Method == "PUT").Body);
    }

    [Fact]
    public async Task A_failed_transfer_keeps_only_itself_pending_and_saving_again_sends_only_it()
    {
        using var cloud = Start();
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;

        // syd1 does not take image transfers.
        image.Regions = [.. image.Regions, "sfo3", "syd1"];
        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains($"Image {ImageId} (Regions + syd1)", exception.Message);
        Assert.Same(image, Assert.Single(exception.Entries).Entity);
        Assert.Equal(EntityState.Modified, db.Entry(image).State);
        Assert.Equal(["fra1", "sfo3"], db.Entry(image).Property(i => i.Regions).OriginalValue);
        Assert.Equal(["fra1", "sfo3", "syd1"], image.Regions);
        Assert.Equal(2, cloud.Requests.Count(r => r.Method == "POST"));

        cloud.Fake.ClearRequests();
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        var retried = Assert.Single(cloud.Requests);
        Assert.Equal(("POST", ActionsPath()), (retried.Method, retried.Path));
        BodyAssert.Json("""{"type":"transfer","region":"syd1"}""", retried.Body);

        // Giving up on syd1 leaves nothing to send: the entry is accepted as it is.
        image.Regions = ["fra1", "sfo3"];
        cloud.Fake.ClearRequests();
        Assert.Equal(1, await db.SaveChangesAsync());
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public async Task An_errored_action_fails_the_wait_with_its_type_region_and_status()
    {
        using var cloud = Start(new DigitalOceanFakeOptions { ActionPolls = 10 });
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;
        image.Regions = [.. image.Regions, "sfo3"];
        await db.SaveChangesAsync();

        cloud.Fake.SetActionStatus(Assert.Single(cloud.Fake.Actions).Id, ImageActionStatuses.Errored);
        var exception = await Assert.ThrowsAsync<DigitalOceanActionFailedException>(() => db.Images.WaitUntilAvailableAsync(image));

        Assert.Equal((ImageActionTypes.Transfer, "sfo3", ImageActionStatuses.Errored, ImageId), (exception.ActionType, exception.RegionSlug, exception.Status, exception.ImageId));
        Assert.Contains("transfer to sfo3", exception.Message);
    }

    [Fact]
    public async Task A_wait_that_runs_out_of_time_names_what_is_still_in_progress()
    {
        using var cloud = Start(new DigitalOceanFakeOptions { ActionPolls = 1000 });
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;
        image.Regions = [.. image.Regions, "ams3"];
        await db.SaveChangesAsync();

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => db.Images.WaitUntilAvailableAsync(image, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("still in progress: transfer to ams3", exception.Message);
    }

    [Fact]
    public async Task A_404_just_after_the_post_means_not_yet()
    {
        using var cloud = Start(new DigitalOceanFakeOptions { ActionNotFoundPolls = 1 });
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;
        image.Regions = [.. image.Regions, "sfo3"];
        await db.SaveChangesAsync();
        cloud.Fake.ClearRequests();

        await db.Images.WaitUntilAvailableAsync(image);

        Assert.Contains(404, cloud.Requests.Select(r => r.StatusCode));
        Assert.Equal(ImageActionStatuses.Completed, Assert.Single(cloud.Fake.Actions).Status);
        Assert.Contains("sfo3", image.Regions);
    }

    [Fact]
    public async Task The_action_history_is_a_set_that_requires_the_image_id()
    {
        using var cloud = Start();
        var (db, image) = await LoadAsync(cloud);
        using var _ = db;
        image.Regions = [.. image.Regions, "sfo3"];
        image.Tags = ["x"];
        await db.SaveChangesAsync();
        var actionId = Assert.Single(cloud.Fake.Actions).Id;
        cloud.Fake.ClearRequests();

        var history = await db.ImageActions.Where(a => a.ImageId == ImageId).ToListAsync();
        var one = await db.ImageActions.SingleAsync(a => a.ImageId == ImageId && a.Id == actionId);

        var action = Assert.Single(history);
        Assert.Same(action, one);
        Assert.Equal((ImageId, ImageActionTypes.Transfer, "sfo3"), (action.ImageId, action.Type, action.RegionSlug));
        Assert.NotNull(action.StartedAt);
        RequestAssert.Sent(cloud.Requests, $"GET {ActionsPath()}?per_page=200&page=1", $"GET {ActionsPath()}/{actionId}");
    }
}
