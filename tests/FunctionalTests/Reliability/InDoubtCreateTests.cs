using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     A create whose answer was lost is remembered on its entry, and looked for among the caller's images before it is ever
///     sent again: one match is adopted, several fail the entry, none lets the create go.
/// </summary>
public class InDoubtCreateTests
{
    private const string Listing = "GET /v2/images?private=true&per_page=200&page=1";

    public static TheoryData<FakeFault> LostAnswers => new()
    {
        new FakeFault { Method = "POST", StatusCode = 500, ApplyBeforeFailing = true },
        new FakeFault { Method = "POST", StatusCode = 503, ApplyBeforeFailing = true },
        new FakeFault { Method = "POST", Kind = FaultKind.DropConnection, ApplyBeforeFailing = true },
        new FakeFault { Method = "POST", Kind = FaultKind.TruncatedBody, ApplyBeforeFailing = true },
        new FakeFault { Method = "POST", Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(3) },
    };

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task A_create_whose_answer_was_lost_is_found_and_adopted_instead_of_being_sent_again(FakeFault fault)
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(11, "other")]);
        cloud.Fake.InjectFault(fault);
        using var db = cloud.CreateFastContext(o => o.RequestTimeout(TimeSpan.FromMilliseconds(500)));
        var image = New();
        db.Images.Add(image);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("Its outcome is unknown: the next SaveChanges looks for the image", error.Message);
        Assert.Equal(EntityState.Added, db.Entry(image).State);
        await Eventually.Until(() => cloud.Fake.Images.Count == 2, "the lost create to be carried out");
        cloud.Fake.ClearRequests();

        Assert.Equal(1, await db.SaveChangesAsync());

        var created = Assert.Single(cloud.Fake.Images, i => i.Name == "in-doubt");
        Assert.Equal((created.Id, created.Status, EntityState.Unchanged), (image.Id, image.Status, db.Entry(image).State));
        Assert.Equal(["nyc3"], image.Regions);
        RequestAssert.Sent(cloud.Requests, Listing + "&tag_name=web");
        var adopted = Assert.Single(cloud.Log.Of(DigitalOceanEventId.InDoubtCreateAdopted));
        Assert.Equal(
            $"The new Image 'in-doubt', whose earlier create had an unknown outcome, was found with id {created.Id} and adopted instead of being created again.",
            adopted.Message);

        // Known now: the next save sends nothing.
        cloud.Fake.ClearRequests();
        Assert.Equal(0, await db.SaveChangesAsync());
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public async Task A_create_that_never_reached_the_API_is_looked_for_then_sent_once()
    {
        // The same name and region, but made long before the first attempt: not the lost create.
        var older = Seeds.PrivateImage(11, "in-doubt", "web");
        older.Regions = ["nyc3"];
        older.CreatedAt = DateTimeOffset.UtcNow.AddHours(-1);
        using var cloud = FaultyCloud.Start([older]);
        cloud.Fake.InjectFault(new FakeFault { Method = "POST", StatusCode = 500 });
        using var db = cloud.CreateFastContext();
        var image = New();
        db.Images.Add(image);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        cloud.Fake.ClearRequests();

        await db.SaveChangesAsync();

        Assert.Equal(2, cloud.Fake.Images.Count(i => i.Name == "in-doubt"));
        Assert.Equal(cloud.Fake.Images.Single(i => i.Id != 11).Id, image.Id);
        RequestAssert.Sent(cloud.Requests, Listing + "&tag_name=web", "POST /v2/images");
    }

    [Fact]
    public async Task Several_matches_fail_the_entry_with_their_ids_and_send_nothing()
    {
        using var cloud = FaultyCloud.Start();
        cloud.Fake.InjectFault(new FakeFault { Method = "POST", StatusCode = 500, ApplyBeforeFailing = true });
        using var db = cloud.CreateFastContext();
        var image = New();
        db.Images.Add(image);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        // Someone else made an image of the same name, region and tag in the same minute.
        var twin = cloud.Fake.AddImage(new FakeImage
        {
            Name = "in-doubt", Regions = ["nyc3"], Tags = ["web", "prod"], CreatedAt = DateTimeOffset.UtcNow
        });
        var first = cloud.Fake.Images.Single(i => i.Id != twin.Id);
        cloud.Fake.ClearRequests();

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains(
            $"The new Image 'in-doubt': its earlier create had an unknown outcome, and several of your images match it ({first.Id}, {twin.Id}); nothing was sent.",
            error.Message);
        Assert.Same(image, Assert.Single(error.Entries).Entity);
        Assert.Equal(EntityState.Added, db.Entry(image).State);
        RequestAssert.Sent(cloud.Requests, Listing + "&tag_name=web");
        Assert.Equal(2, cloud.Fake.Images.Count);
    }

    private static Image New()
        => new() { Name = "in-doubt", Url = "https://example.com/disk.img", Region = "nyc3", Tags = ["web"] };
}
