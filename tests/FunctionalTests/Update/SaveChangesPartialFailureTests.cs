using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>
///     With no transactions, a SaveChanges whose writes partly fail accepts what succeeded, keeps what failed, and says
///     which failed and why; the next SaveChanges retries exactly that.
/// </summary>
public class SaveChangesPartialFailureTests
{
    private const long RenamedId = 101;
    private const long FirstDeletedId = 102;
    private const long SecondDeletedId = 103;
    private const string NewName = "talos-1.8";

    public enum FailingChange
    {
        Create,
        Update,
        Delete
    }

    [Theory]
    [InlineData(FailingChange.Create, 422, "unprocessable_entity", "image url is not reachable")]
    [InlineData(FailingChange.Update, 500, "server_error", "Unexpected server-side error")]
    [InlineData(FailingChange.Delete, 500, "server_error", "Unexpected server-side error")]
    public async Task Succeeded_changes_are_accepted_and_the_failed_one_is_retried_alone(
        FailingChange failing, int status, string errorId, string errorMessage)
    {
        using var cloud = TestCloud.Start(
        [
            OwnImages.Snapshot(RenamedId, "web-01"), OwnImages.Snapshot(FirstDeletedId, "old-a"), OwnImages.Snapshot(SecondDeletedId, "old-b")
        ]);
        using var db = cloud.CreateWriteContext();
        var (created, renamed, firstDeleted, secondDeleted) = await MakeFourChangesAsync(db);
        var all = new[] { created, renamed, firstDeleted, secondDeleted };
        var accepted = new[] { EntityState.Unchanged, EntityState.Unchanged, EntityState.Detached, EntityState.Detached };
        var (method, path, failed, failedState) = failing switch
        {
            FailingChange.Create => ("POST", "/v2/images", created, EntityState.Added),
            FailingChange.Update => ("PUT", $"/v2/images/{RenamedId}", renamed, EntityState.Modified),
            _ => ("DELETE", $"/v2/images/{SecondDeletedId}", secondDeleted, EntityState.Deleted)
        };
        cloud.Fake.ClearRequests();
        cloud.Fake.InjectFault(new FakeFault { Method = method, When = r => r.Path == path, StatusCode = status, Message = errorMessage });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Same(failed, Assert.Single(exception.Entries).Entity);
        var failedRequest = Assert.Single(cloud.Requests, r => r.StatusCode == status);
        Assert.Contains("3 of 4", exception.Message);
        Assert.Contains(errorId, exception.Message);
        Assert.Contains(errorMessage, exception.Message);
        Assert.Contains(failedRequest.RequestId, exception.Message);
        RequestAssert.Sent(
            cloud.Requests,
            "POST /v2/images", $"PUT /v2/images/{RenamedId}", $"DELETE /v2/images/{FirstDeletedId}", $"DELETE /v2/images/{SecondDeletedId}");
        Assert.Equal(all.Select((image, i) => image == failed ? failedState : accepted[i]), all.Select(i => db.Entry(i).State));
        TrackerAssert.AgreesWithFake(db, cloud.Fake, all);

        cloud.Fake.ClearRequests();
        Assert.Equal(1, await db.SaveChangesAsync());

        RequestAssert.Sent(cloud.Requests, $"{method} {path}");
        Assert.Equal(accepted, all.Select(i => db.Entry(i).State));
        TrackerAssert.AgreesWithFake(db, cloud.Fake, all);
        Assert.Single(cloud.Fake.Images, i => i.Name == NewName);
        Assert.Equal([RenamedId, created.Id], cloud.Fake.Images.Select(i => i.Id));
    }

    [Fact]
    public async Task When_every_change_fails_nothing_is_accepted()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(RenamedId, "web-01"), OwnImages.Snapshot(FirstDeletedId, "old-a")]);
        using var db = cloud.CreateWriteContext();
        var renamed = await db.Images.SingleAsync(i => i.Id == RenamedId);
        var deleted = await db.Images.SingleAsync(i => i.Id == FirstDeletedId);
        renamed.Name = "web-01 v2";
        db.Images.Remove(deleted);
        cloud.Fake.ClearRequests();
        cloud.Fake.InjectFault(new FakeFault { StatusCode = 503, Times = int.MaxValue });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("0 of 2", exception.Message);
        Assert.Equal(2, exception.Entries.Count);
        Assert.Equal((EntityState.Modified, EntityState.Deleted), (db.Entry(renamed).State, db.Entry(deleted).State));
        TrackerAssert.AgreesWithFake(db, cloud.Fake, renamed, deleted);
        RequestAssert.Sent(cloud.Requests, $"PUT /v2/images/{RenamedId}", $"DELETE /v2/images/{FirstDeletedId}");
    }

    /// <summary>A create, an update and two deletes, each of its own image.</summary>
    private static async Task<(Image Created, Image Renamed, Image FirstDeleted, Image SecondDeleted)> MakeFourChangesAsync(CloudContext db)
    {
        var created = new Image { Name = NewName, Url = "https://images.example.com/talos.qcow2", Region = "nyc3" };
        var renamed = await db.Images.SingleAsync(i => i.Id == RenamedId);
        var firstDeleted = await db.Images.SingleAsync(i => i.Id == FirstDeletedId);
        var secondDeleted = await db.Images.SingleAsync(i => i.Id == SecondDeletedId);
        db.Images.Add(created);
        renamed.Name = "web-01 v2";
        db.Images.RemoveRange(firstDeleted, secondDeleted);
        return (created, renamed, firstDeleted, secondDeleted);
    }
}
