using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>What a 404 means to a DELETE: success when an earlier attempt got through, a concurrency conflict otherwise.</summary>
public class DeleteUnderFaultTests
{
    [Fact]
    public async Task A_DELETE_applied_but_answered_with_500_is_retried_and_its_404_counts_as_success()
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(7, "doomed"), Seeds.PrivateImage(8, "kept")]);
        cloud.Fake.InjectFault(new FakeFault { Method = "DELETE", StatusCode = 500, ApplyBeforeFailing = true });
        using var db = cloud.CreateFastContext();
        var image = await db.Images.SingleAsync(i => i.Id == 7);
        cloud.Fake.ClearRequests();

        db.Images.Remove(image);
        var saved = await db.SaveChangesAsync();

        Assert.Equal(1, saved);
        Assert.Equal(EntityState.Detached, db.Entry(image).State);
        Assert.Equal([8L], cloud.Fake.Images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "DELETE /v2/images/7", "DELETE /v2/images/7");
        Assert.Equal([500, 404], cloud.Requests.Statuses("DELETE"));
    }

    [Fact]
    public async Task A_DELETE_whose_first_attempt_finds_nothing_is_a_concurrency_conflict()
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(7, "deleted-elsewhere")]);
        using var db = cloud.CreateFastContext();
        var image = await db.Images.SingleAsync(i => i.Id == 7);
        cloud.Fake.RemoveImage(7);
        cloud.Fake.ClearRequests();

        db.Images.Remove(image);
        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Same(image, Assert.Single(error.Entries).Entity);
        Assert.Equal(EntityState.Deleted, db.Entry(image).State);
        Assert.Contains("DELETE /v2/images/7 failed with 404 not_found", error.Message);
        RequestAssert.Sent(cloud.Requests, "DELETE /v2/images/7");
    }
}
