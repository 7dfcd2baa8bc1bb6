using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Lifecycle;

/// <summary>Every lifecycle change the API cannot make is refused before the first request, naming the image and the property.</summary>
public class LifecycleValidationTests
{
    private const long ImageId = 4242;

    private static async Task<(TestCloud Cloud, CloudContext Db, Image Image)> LoadAsync(string type = ImageTypes.Snapshot)
    {
        var cloud = TestCloud.Start([OwnImages.Create(ImageId, "web-01", type, daysOld: 3)]);
        var db = cloud.CreateWriteContext();
        var image = await db.Images.SingleAsync(i => i.Id == ImageId);
        cloud.Fake.ClearRequests();
        return (cloud, db, image);
    }

    private static async Task<string> RefusedAsync(TestCloud cloud, CloudContext db)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        RequestAssert.NoneSent(cloud.Requests);
        return exception.Message;
    }

    [Fact]
    public async Task Removing_a_region_is_refused()
    {
        var (cloud, db, image) = await LoadAsync();
        using (cloud)
        using (db)
        {
            image.Regions = ["sfo3"];

            Assert.Contains(
                $"Image {ImageId}: 'fra1' cannot be removed from Regions; the API cannot take it away.", await RefusedAsync(cloud, db));
            Assert.Equal(EntityState.Modified, db.Entry(image).State);
        }
    }

    [Fact]
    public async Task Transferring_a_backup_says_to_convert_it_first()
    {
        var (cloud, db, image) = await LoadAsync(ImageTypes.Backup);
        using (cloud)
        using (db)
        {
            image.Regions = [.. image.Regions, "sfo3"];

            Assert.Contains($"Image {ImageId}: a transfer is refused while Type is 'backup'. Convert it into a snapshot first", await RefusedAsync(cloud, db));
        }
    }

    [Theory]
    [InlineData(ImageTypes.Snapshot, ImageTypes.Custom)]
    [InlineData(ImageTypes.Custom, ImageTypes.Snapshot)]
    [InlineData(ImageTypes.Backup, ImageTypes.Custom)]
    public async Task A_type_change_other_than_backup_to_snapshot_is_refused(string from, string to)
    {
        var (cloud, db, image) = await LoadAsync(from);
        using (cloud)
        using (db)
        {
            image.Type = to;

            Assert.Contains($"Image {ImageId}: Type can only change from 'backup' to 'snapshot'", await RefusedAsync(cloud, db));
        }
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/tag")]
    [InlineData("")]
    public async Task A_tag_name_the_API_would_refuse_is_refused(string name)
    {
        var (cloud, db, image) = await LoadAsync();
        using (cloud)
        using (db)
        {
            image.Tags = ["fine", name];

            Assert.Contains($"Image {ImageId}: '{name}' cannot be one of its Tags", await RefusedAsync(cloud, db));
        }
    }

    [Fact]
    public async Task A_tag_name_over_255_characters_is_refused()
    {
        var (cloud, db, image) = await LoadAsync();
        using (cloud)
        using (db)
        {
            image.Tags = [new string('a', 256)];

            Assert.Contains("at most 255 characters", await RefusedAsync(cloud, db));
        }
    }

    [Fact]
    public async Task An_action_query_without_an_image_id_is_refused()
    {
        var (cloud, db, _) = await LoadAsync();
        using (cloud)
        using (db)
        {
            var exception = Assert.Throws<InvalidOperationException>(() => db.Set<ImageAction>().Where(a => a.Status == "errored").ToList());

            Assert.Contains("A query of ImageAction must say whose items it reads", exception.Message);
            Assert.Contains("Where(x => x.ImageId == id)", exception.Message);
            RequestAssert.NoneSent(cloud.Requests);
        }
    }

    [Theory]
    [InlineData(ImageTypes.Backup)]
    [InlineData(ImageTypes.Custom)]
    public async Task Only_a_snapshot_can_be_given_to_another_account(string type)
    {
        var (cloud, db, image) = await LoadAsync(type);
        using (cloud)
        using (db)
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(
                () => db.Images.StartAccountTransferAsync(image, recipientEmail: "alice@example.com"));

            Assert.Contains($"Image {ImageId} 'web-01' is a {type}; only snapshots can be given to another account.", exception.Message);
            RequestAssert.NoneSent(cloud.Requests);
        }
    }
}
