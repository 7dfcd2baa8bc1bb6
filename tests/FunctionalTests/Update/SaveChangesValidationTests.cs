using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>Every entry is checked before the first request: a new image without name, url or region stops the whole SaveChanges.</summary>
public class SaveChangesValidationTests
{
    [Theory]
    [InlineData(nameof(Image.Name), "  ")]
    [InlineData(nameof(Image.Url), null)]
    [InlineData(nameof(Image.Url), "")]
    [InlineData(nameof(Image.Region), null)]
    public async Task A_new_image_missing_a_required_field_sends_nothing(string property, string? value)
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(101, "to delete"), OwnImages.Snapshot(102, "to rename")]);
        using var db = cloud.CreateWriteContext();
        var (toDelete, toRename) = (await db.Images.SingleAsync(i => i.Id == 101), await db.Images.SingleAsync(i => i.Id == 102));
        cloud.Fake.ClearRequests();

        // Valid changes in the same SaveChanges are held back too.
        db.Images.Remove(toDelete);
        toRename.Name = "renamed";
        var valid = new Image { Name = "valid", Url = "https://images.example.com/a.img", Region = "nyc3" };
        var invalid = new Image { Name = "invalid", Url = "https://images.example.com/b.img", Region = "nyc3" };
        db.Entry(invalid).Property(property).CurrentValue = value;
        db.Images.AddRange(valid, invalid);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains($"{property} is required", exception.Message);
        Assert.Contains("sent nothing", exception.Message);
        RequestAssert.NoneSent(cloud.Requests);
        Assert.Equal(
            [EntityState.Deleted, EntityState.Modified, EntityState.Added, EntityState.Added],
            new[] { toDelete, toRename, valid, invalid }.Select(i => db.Entry(i).State));
        TrackerAssert.AgreesWithFake(db, cloud.Fake, toDelete, toRename, valid, invalid);
    }
}
