using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>Writes run concurrently, never more than <c>MaxConcurrentRequests</c> at once.</summary>
public class SaveChangesConcurrencyTests
{
    [Fact]
    public async Task SaveChanges_keeps_at_most_MaxConcurrentRequests_writes_in_flight()
    {
        var ids = Enumerable.Range(1, 6).Select(i => 100L + i).ToList();
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions
        {
            Seed = ids.Select(id => OwnImages.Snapshot(id, $"snapshot {id}")),

            // Long enough that the writes overlap, short enough to keep the test fast.
            Latency = TimeSpan.FromMilliseconds(60)
        });
        using var db = cloud.CreateWriteContext(o => o.MaxConcurrentRequests(2));

        db.Images.RemoveRange(ids.Select(id => new Image { Id = id }));
        Assert.Equal(6, await db.SaveChangesAsync());

        Assert.Equal(2, cloud.Fake.MaxConcurrentRequestsObserved);
        RequestAssert.Sent(cloud.Requests, [.. ids.Select(id => $"DELETE /v2/images/{id}")]);
        Assert.Empty(cloud.Fake.Images);
    }
}
