using EFCore.DigitalOcean.FunctionalTests.Reliability;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Lifecycle;

/// <summary>An action POST whose answer was lost is looked for among the image's actions before it is ever sent again.</summary>
public class InDoubtActionTests
{
    private const long ImageId = 4242;

    [Fact]
    public async Task A_transfer_whose_answer_was_lost_is_found_and_adopted_instead_of_being_started_again()
    {
        using var cloud = FaultyCloud.Start([OwnImages.Snapshot(ImageId, "web-01")]);
        using var db = cloud.CreateFastContext();
        var image = await db.Images.SingleAsync(i => i.Id == ImageId);
        cloud.Fake.InjectFault(new FakeFault { Method = "POST", PathPrefix = $"/v2/images/{ImageId}/actions", StatusCode = 500, ApplyBeforeFailing = true });

        image.Regions = [.. image.Regions, "sfo3"];
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("Its outcome is unknown: the next SaveChanges looks for it among the image's actions", error.Message);
        Assert.Equal(EntityState.Modified, db.Entry(image).State);
        var started = Assert.Single(cloud.Fake.Actions);
        cloud.Fake.ClearRequests();

        Assert.Equal(1, await db.SaveChangesAsync());

        Assert.Single(cloud.Fake.Actions);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{ImageId}/actions?per_page=200&page=1");
        cloud.Fake.ClearRequests();
        await db.Images.WaitUntilAvailableAsync(image);
        Assert.Contains(cloud.Requests, r => r.Path == $"/v2/images/{ImageId}/actions/{started.Id}");
        Assert.Contains("sfo3", image.Regions);
    }

    [Fact]
    public async Task A_transfer_refused_with_a_4xx_is_not_in_doubt_and_is_sent_again()
    {
        using var cloud = FaultyCloud.Start([OwnImages.Snapshot(ImageId, "web-01")]);
        using var db = cloud.CreateFastContext();
        var image = await db.Images.SingleAsync(i => i.Id == ImageId);
        cloud.Fake.InjectFault(new FakeFault { Method = "POST", PathPrefix = $"/v2/images/{ImageId}/actions", StatusCode = 422 });

        image.Regions = [.. image.Regions, "sfo3"];
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        cloud.Fake.ClearRequests();
        await db.SaveChangesAsync();

        var post = Assert.Single(cloud.Requests);
        Assert.Equal(("POST", $"/v2/images/{ImageId}/actions"), (post.Method, post.Path));
        Assert.Single(cloud.Fake.Actions);
    }
}
