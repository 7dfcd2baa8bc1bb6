using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary><c>Entry(image).Reload()</c> reads the image again with one <c>GET /v2/images/{id}</c>.</summary>
public class ReloadTests
{
    private const long ImageId = 101;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reload_reads_the_server_values_with_one_get_and_drops_local_changes(bool async)
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "web-01")]);
        using var db = cloud.CreateWriteContext();
        var image = await db.Images.SingleAsync(i => i.Id == ImageId);
        await RenameElsewhereAsync(cloud, "web-01 renamed elsewhere");
        image.Description = "local edit";
        cloud.Fake.ClearRequests();

        if (async)
        {
            await db.Entry(image).ReloadAsync();
        }
        else
        {
            db.Entry(image).Reload();
        }

        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{ImageId}");
        Assert.Equal(("web-01 renamed elsewhere", "description of web-01"), (image.Name, image.Description));
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
    }

    [Fact]
    public async Task Reloading_an_image_deleted_elsewhere_detaches_it()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "web-01")]);
        using var db = cloud.CreateWriteContext();
        var image = await db.Images.SingleAsync(i => i.Id == ImageId);
        cloud.Fake.RemoveImage(ImageId);
        cloud.Fake.ClearRequests();

        await db.Entry(image).ReloadAsync();

        Assert.Equal(EntityState.Detached, db.Entry(image).State);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{ImageId}");
        Assert.Equal(404, cloud.Requests[0].StatusCode);
    }

    private static async Task RenameElsewhereAsync(TestCloud cloud, string name)
    {
        using var other = cloud.CreateWriteContext();
        var image = await other.Images.SingleAsync(i => i.Id == ImageId);
        image.Name = name;
        await other.SaveChangesAsync();
    }
}
