using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>The API has no transactions: asking for one is a clear error, and SaveChanges never needs one.</summary>
public class TransactionTests
{
    [Fact]
    public async Task BeginTransaction_is_not_supported()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateWriteContext();

        var exception = Assert.Throws<NotSupportedException>(() => db.Database.BeginTransaction());
        var asyncException = await Assert.ThrowsAsync<NotSupportedException>(() => db.Database.BeginTransactionAsync());

        Assert.Contains("no transactions", exception.Message);
        Assert.Equal(exception.Message, asyncException.Message);
        Assert.Null(db.Database.CurrentTransaction);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public async Task SaveChanges_works_without_a_transaction()
    {
        using var cloud = TestCloud.Start([OwnImages.Snapshot(101, "old")]);
        using var db = cloud.CreateWriteContext();

        db.Images.Add(new Image { Name = "new", Url = "https://images.example.com/new.img", Region = "fra1" });
        db.Images.Remove(new Image { Id = 101 });

        Assert.Equal(2, db.SaveChanges());
        RequestAssert.Sent(cloud.Requests, "POST /v2/images", "DELETE /v2/images/101");
        Assert.Equal("new", Assert.Single(cloud.Fake.Images).Name);
    }
}
