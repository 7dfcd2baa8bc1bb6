using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>A Deleted image becomes one <c>DELETE /v2/images/{id}</c>; an image someone else deleted is a concurrency conflict.</summary>
public class SaveChangesDeleteTests
{
    private const long ImageId = 101;

    [Fact]
    public async Task Deleted_image_is_deleted_by_id()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "old"), OwnImages.Snapshot(102, "kept")]);
        using var db = cloud.CreateWriteContext();
        var image = await db.Images.SingleAsync(i => i.Id == ImageId);
        cloud.Fake.ClearRequests();

        db.Images.Remove(image);
        Assert.Equal(1, await db.SaveChangesAsync());

        RequestAssert.Sent(cloud.Requests, $"DELETE /v2/images/{ImageId}");
        Assert.Null(cloud.Requests[0].Body);
        Assert.Equal(EntityState.Detached, db.Entry(image).State);
        Assert.Equal([102L], cloud.Fake.Images.Select(i => i.Id));
    }

    [Fact]
    public async Task An_image_known_only_by_its_id_is_deleted_without_reading_it()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "old")]);
        using var db = cloud.CreateWriteContext();

        db.Images.Remove(new Image { Id = ImageId });
        await db.SaveChangesAsync();

        RequestAssert.Sent(cloud.Requests, $"DELETE /v2/images/{ImageId}");
        Assert.Empty(cloud.Fake.Images);
    }

    [Fact]
    public async Task Deleting_an_image_someone_else_deleted_is_a_concurrency_conflict()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "old")]);
        using var db = cloud.CreateWriteContext();
        var image = await db.Images.SingleAsync(i => i.Id == ImageId);
        cloud.Fake.RemoveImage(ImageId);
        cloud.Fake.ClearRequests();

        db.Images.Remove(image);
        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Same(image, Assert.Single(exception.Entries).Entity);
        Assert.Contains("not_found", exception.Message);
        Assert.Equal(EntityState.Deleted, db.Entry(image).State);
        RequestAssert.Sent(cloud.Requests, $"DELETE /v2/images/{ImageId}");
        Assert.Equal(404, cloud.Requests[0].StatusCode);
    }
}
