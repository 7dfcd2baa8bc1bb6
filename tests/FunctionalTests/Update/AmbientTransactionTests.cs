using System.Transactions;
using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>
///     Writes inside a <see cref="TransactionScope" /> would not be part of it: refused like <c>BeginTransaction()</c>, before
///     anything is sent, unless the application lets them go ahead.
/// </summary>
public class AmbientTransactionTests
{
    [Fact]
    public async Task SaveChanges_inside_a_TransactionScope_is_refused_and_sends_nothing()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(101, "old")]);
        using var db = cloud.CreateWriteContext();
        db.Images.Add(new Image { Name = "new", Url = "https://images.example.com/new.img", Region = "fra1" });
        db.Images.Remove(new Image { Id = 101 });

        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            var syncException = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

            Assert.Contains("TransactionScope", exception.Message);
            Assert.Contains("no transactions", exception.Message);
            Assert.Contains(nameof(DigitalOceanEventId.AmbientTransactionWarning), exception.Message);
            Assert.Equal(exception.Message, syncException.Message);
        }

        RequestAssert.NoneSent(cloud.Requests);
        Assert.Equal(2, db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Deleted));
    }

    [Fact]
    public async Task ExecuteDelete_and_ExecuteUpdate_inside_a_TransactionScope_are_refused_and_send_nothing()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(101, "old")]);
        using var db = cloud.CreateWriteContext();

        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.Images.PrivateOnly().ExecuteDeleteAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(
                () => db.Images.PrivateOnly().ExecuteUpdateAsync(s => s.SetProperty(i => i.Description, "x")));
        }

        RequestAssert.NoneSent(cloud.Requests);
        Assert.Single(cloud.Fake.Images);
    }

    [Fact]
    public async Task Queries_inside_a_TransactionScope_still_run()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(101, "old")]);
        using var db = cloud.CreateWriteContext();

        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            Assert.Equal("old", (await db.Images.SingleAsync(i => i.Id == 101)).Name);
        }

        RequestAssert.Sent(cloud.Requests, "GET /v2/images/101");
    }

    [Fact]
    public async Task An_application_that_logs_the_warning_instead_gets_its_writes_sent_outside_the_transaction()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(101, "old")]);
        using var db = cloud.CreateContext(
            o => o.MaxRetries(0), b => b.ConfigureWarnings(w => w.Log(DigitalOceanEventId.AmbientTransactionWarning)));
        db.Images.Remove(new Image { Id = 101 });

        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            Assert.Equal(1, await db.SaveChangesAsync());
            scope.Complete();
        }

        RequestAssert.Sent(cloud.Requests, "DELETE /v2/images/101");
        var warning = Assert.Single(cloud.Log.Of(DigitalOceanEventId.AmbientTransactionWarning));
        Assert.Contains("SaveChanges was called inside an ambient transaction", warning.Message);
    }
}
