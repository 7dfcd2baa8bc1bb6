using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>An answer EF cannot accept fails that one entry; every other entry is applied as usual.</summary>
public class UnacceptableAnswerTests
{
    [Fact]
    public async Task A_create_answered_with_the_id_of_a_tracked_image_fails_that_entry_alone()
    {
        // The fake gives the three creates ids 12, 13 and 14; the context already tracks an image 13.
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(11, "seed")]);
        using var db = cloud.CreateFastContext(o => o.MaxConcurrentRequests(1));
        var tracked = new Image { Id = 13, Name = "tracked" };
        db.Images.Attach(tracked);
        Image[] images = [New("one"), New("two"), New("three")];
        db.Images.AddRange(images);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Same(images[1], Assert.Single(error.Entries).Entity);
        Assert.Contains(
            "The new Image 'two' (POST): The new Image 'two': the API answered the create with id 13, which this context already tracks",
            error.Message);
        Assert.IsType<DigitalOceanApiException>(error.InnerException);
        Assert.Equal([(12L, EntityState.Unchanged), (0, EntityState.Added), (14, EntityState.Unchanged)],
            images.Select(i => (i.Id, db.Entry(i).State)));
        Assert.Equal(("tracked", EntityState.Unchanged), (tracked.Name, db.Entry(tracked).State));
        RequestAssert.Sent(cloud.Requests, "POST /v2/images", "POST /v2/images", "POST /v2/images");

        // The next save sends nothing for the entries that were applied.
        cloud.Fake.ClearRequests();
        db.Entry(images[1]).State = EntityState.Detached;
        Assert.Equal(0, await db.SaveChangesAsync());
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public async Task An_update_answered_with_another_image_is_refused_and_the_entity_keeps_its_values()
    {
        const string image5 = """{"id":5,"name":"five","created_at":"2026-11-27T00:00:00Z"}""";
        const string image6 = """{"id":6,"name":"six","created_at":"2026-11-27T00:00:00Z"}""";
        using var server = CannedHttpServer.Start(r => CannedHttpServer.Json(
            "{\"image\":" + (r.RequestLine.StartsWith("PUT", StringComparison.Ordinal) ? image6 : image5) + "}"));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));
        var image = (await db.Images.FindAsync(5L))!;
        image.Name = "renamed";

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Same(image, Assert.Single(error.Entries).Entity);
        Assert.Contains("Image 5: the API answered the update with item 6; the answer was not applied", error.Message);
        Assert.Equal((5L, "renamed", EntityState.Modified), (image.Id, image.Name, db.Entry(image).State));
        Assert.Equal("five", db.Entry(image).Property(i => i.Name).OriginalValue);
        Assert.Equal(["GET /v2/images/5", "PUT /v2/images/5"], server.Received.Select(r => r.RequestLine));
        Assert.Equal("""{"name":"renamed"}""", server.Received[1].Body);
    }

    private static Image New(string name) => new() { Name = name, Url = $"https://example.com/{name}.img", Region = "nyc3" };
}
