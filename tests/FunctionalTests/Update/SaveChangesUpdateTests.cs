using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>
///     A Modified image becomes one <c>PUT /v2/images/{id}</c> that carries only its modified name, distribution and
///     description; a change to anything else is refused before a request is sent.
/// </summary>
public class SaveChangesUpdateTests
{
    private const long ImageId = 101;

    [Theory]
    [InlineData(nameof(Image.Name), "web-01 golden v2", """{"name":"web-01 golden v2"}""")]
    [InlineData(nameof(Image.Description), "rebuilt", """{"description":"rebuilt"}""")]
    [InlineData(nameof(Image.Distribution), ImageDistributions.Fedora, """{"distribution":"Fedora"}""")]
    public async Task Only_the_modified_field_is_put(string property, string value, string expectedBody)
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "web-01 golden")]);
        using var db = cloud.CreateWriteContext();
        var image = await LoadAsync(db, cloud);

        db.Entry(image).Property(property).CurrentValue = value;
        Assert.Equal(1, await db.SaveChangesAsync());

        RequestAssert.Sent(cloud.Requests, $"PUT /v2/images/{ImageId}");
        BodyAssert.Json(expectedBody, cloud.Requests[0].Body);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        TrackerAssert.AgreesWithFake(db, cloud.Fake, image);
    }

    [Fact]
    public async Task Several_modified_fields_go_in_one_put()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "web-01 golden")]);
        using var db = cloud.CreateWriteContext();
        var image = await LoadAsync(db, cloud);

        image.Name = "web-01 gold";
        image.Description = "with php 8.3";
        await db.SaveChangesAsync();

        RequestAssert.Sent(cloud.Requests, $"PUT /v2/images/{ImageId}");
        BodyAssert.Json("""{"name":"web-01 gold","description":"with php 8.3"}""", cloud.Requests[0].Body);
        var stored = cloud.Fake.FindImage(ImageId)!;
        Assert.Equal(("web-01 gold", "with php 8.3", ImageDistributions.Debian), (stored.Name, stored.Description, stored.Distribution));
    }

    [Fact]
    public async Task An_unchanged_image_sends_nothing()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "web-01 golden")]);
        using var db = cloud.CreateWriteContext();
        var image = await LoadAsync(db, cloud);

        image.Name = image.Name;

        Assert.Equal(0, await db.SaveChangesAsync());
        RequestAssert.NoneSent(cloud.Requests);
    }

    public static TheoryData<string, object?> NotUpdatable => new()
    {
        { nameof(Image.Slug), "my-golden-image" },
        { nameof(Image.Public), true },
        { nameof(Image.Status), ImageStatuses.Retired },
        { nameof(Image.MinDiskSize), 50 },
        { nameof(Image.Url), "https://images.example.com/other.img" },
        { nameof(Image.Region), "ams3" },
    };

    [Theory]
    [MemberData(nameof(NotUpdatable))]
    public async Task Changing_a_field_the_API_cannot_update_is_refused_before_any_request(string property, object? value)
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "web-01 golden")]);
        using var db = cloud.CreateWriteContext();
        var image = await LoadAsync(db, cloud);

        // The valid rename beside it is not sent either: SaveChanges sends all of its changes or none.
        image.Name = "renamed";
        db.Entry(image).Property(property).CurrentValue = value;
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains($"{property} cannot be changed", exception.Message);
        Assert.Contains("Name, Distribution, Description", exception.Message);
        RequestAssert.NoneSent(cloud.Requests);
        Assert.Equal(EntityState.Modified, db.Entry(image).State);
        Assert.Equal("web-01 golden", cloud.Fake.FindImage(ImageId)!.Name);
    }

    [Fact]
    public async Task A_list_the_application_assigned_and_changed_in_place_afterwards_is_seen()
    {
        // The tracker keeps a copy of a list it did not read itself, so a change made to it later through the
        // application's own reference still shows: here a tag name the API would refuse, refused before any request.
        using var cloud = TestCloud.Start([OwnImages.Snapshot(ImageId, "web-01 golden")]);
        using var db = cloud.CreateWriteContext();
        var tags = new List<string>();
        var image = db.Images.Attach(new Image { Id = ImageId, Name = "web-01 golden", Tags = tags }).Entity;

        tags.Add("not valid!");
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains($"Image {ImageId}: 'not valid!' cannot be one of its Tags", exception.Message);
        Assert.Equal(EntityState.Modified, db.Entry(image).State);
        RequestAssert.NoneSent(cloud.Requests);
        Assert.Empty(cloud.Fake.FindImage(ImageId)!.Tags!);
    }

    /// <summary>Loads the seeded image into the tracker and forgets the request that read it.</summary>
    private static async Task<Image> LoadAsync(CloudContext db, TestCloud cloud)
    {
        var image = await db.Images.SingleAsync(i => i.Id == ImageId);
        cloud.Fake.ClearRequests();
        return image;
    }
}
