using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>An Added image becomes one <c>POST /v2/images</c>, and the 202's values become the entity's.</summary>
public class SaveChangesCreateTests
{
    private const string ImageUrl = "https://images.example.com/talos-1.8.qcow2";

    [Fact]
    public async Task Added_image_is_posted_with_every_field_that_is_set()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateWriteContext();
        db.Images.Add(new Image
        {
            Name = "talos",
            Url = ImageUrl,
            Region = "nyc3",
            Distribution = ImageDistributions.Ubuntu,
            Description = "Talos nodes",
            Tags = ["base", "prod"]
        });

        var saved = await db.SaveChangesAsync();

        Assert.Equal(1, saved);
        RequestAssert.Sent(cloud.Requests, "POST /v2/images");
        BodyAssert.Json(
            $$"""{"name":"talos","url":"{{ImageUrl}}","region":"nyc3","distribution":"Ubuntu","description":"Talos nodes","tags":["base","prod"]}""",
            cloud.Requests[0].Body);
    }

    [Fact]
    public async Task Unset_optional_fields_are_left_out_never_sent_as_null()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateWriteContext();
        db.Images.Add(new Image { Name = "talos", Url = ImageUrl, Region = "nyc3" });

        await db.SaveChangesAsync();

        var body = Assert.Single(cloud.Requests).Body;
        BodyAssert.Json($$"""{"name":"talos","url":"{{ImageUrl}}","region":"nyc3"}""", body);
        Assert.DoesNotContain("null", body);
    }

    [Fact]
    public async Task The_202_answer_flows_back_into_the_entity()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateWriteContext();
        var image = new Image { Name = "talos", Url = ImageUrl, Region = "nyc3", Distribution = "Talos" };
        db.Images.Add(image);

        await db.SaveChangesAsync();

        var stored = Assert.Single(cloud.Fake.Images);
        Assert.Equal(stored.Id, image.Id);
        Assert.Equal(ImageStatuses.New, image.Status);
        Assert.Equal(ImageTypes.Custom, image.Type);
        Assert.Equal(stored.CreatedAt, image.CreatedAt);
        Assert.Empty(image.Regions);

        // The API stores a distribution it does not know as "Unknown": the entity shows what the server holds.
        Assert.Equal(ImageDistributions.Unknown, image.Distribution);
        Assert.Equal("", image.Description);

        // Url and Region are never returned, so the entity keeps what was sent.
        Assert.Equal((ImageUrl, "nyc3"), (image.Url, image.Region));
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        Assert.False(db.Entry(image).Property(i => i.Id).IsTemporary);
        Assert.Single(cloud.Requests);
    }

    [Fact]
    public async Task Two_new_images_are_distinct_before_saving_and_found_by_their_real_ids_after()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(500, "existing")]);
        using var db = cloud.CreateWriteContext();
        var first = new Image { Id = 0, Name = "first", Url = ImageUrl, Region = "nyc3" };
        var second = new Image { Id = 0, Name = "second", Url = ImageUrl, Region = "ams3" };

        db.Images.AddRange(first, second);

        var keys = new[] { first, second }.Select(i => db.Entry(i).Property(e => e.Id)).ToList();
        Assert.All(keys, key => Assert.True(key.IsTemporary));
        Assert.NotEqual(keys[0].CurrentValue, keys[1].CurrentValue);

        Assert.Equal(2, await db.SaveChangesAsync());

        RequestAssert.Sent(cloud.Requests, "POST /v2/images", "POST /v2/images");
        Assert.Equal(cloud.Fake.Images.Single(i => i.Name == "first").Id, first.Id);
        Assert.Equal(cloud.Fake.Images.Single(i => i.Name == "second").Id, second.Id);
        Assert.True(first.Id > 500 && second.Id > 500 && first.Id != second.Id);

        cloud.Fake.ClearRequests();
        Assert.Same(first, await db.Images.FindAsync(first.Id));
        Assert.Same(second, db.Images.Find(second.Id));
        RequestAssert.NoneSent(cloud.Requests);
    }
}
