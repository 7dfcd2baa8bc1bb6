using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     Whatever interrupts a write (here the caller's cancellation, which arrives while the second request is at the server),
///     what completed before it is applied to the tracker, and the next call never repeats it.
/// </summary>
public class InterruptedWritesTests
{
    [Fact]
    public async Task A_cancellation_during_the_second_create_applies_the_first_and_the_next_save_creates_nothing_twice()
    {
        using var cloud = FaultyCloud.Start();
        using var cancel = new CancellationTokenSource();
        cloud.Fake.InjectFault(CancelAt("POST", r => r.Body!.Contains("\"two\""), cancel));
        using var db = cloud.CreateFastContext(o => o.MaxConcurrentRequests(1));
        Image[] images = [New("one"), New("two"), New("three")];
        db.Images.AddRange(images);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(cancel.Token));

        Assert.Equal(EntityState.Unchanged, db.Entry(images[0]).State);
        Assert.Equal(cloud.Fake.Images.Single(i => i.Name == "one").Id, images[0].Id);
        Assert.Equal(EntityState.Added, db.Entry(images[1]).State);
        Assert.Equal(EntityState.Added, db.Entry(images[2]).State);
        Assert.Equal(["one", "two"], cloud.Fake.Images.Select(i => i.Name));
        RequestAssert.Sent(cloud.Requests, "POST /v2/images", "POST /v2/images");

        cloud.Fake.ClearRequests();
        await db.SaveChangesAsync();

        // "two" reached the server before the cancellation: it is found and adopted, not created again.
        Assert.Equal(["one", "two", "three"], cloud.Fake.Images.Select(i => i.Name));
        Assert.All(images, i => Assert.Equal(EntityState.Unchanged, db.Entry(i).State));
        Assert.Equal(cloud.Fake.Images.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?private=true&per_page=200&page=1", "POST /v2/images");
        Assert.Contains("\"three\"", cloud.Requests.Single(r => r.Method == "POST").Body);
    }

    [Fact]
    public async Task A_cancellation_during_ExecuteDelete_detaches_what_was_deleted_before_it()
    {
        var (cloud, db, cancel) = StartWithThreeImagesCancelledAtThe2nd("DELETE");
        using var _ = cloud;
        using var __ = db;
        using var ___ = cancel;
        var tracked = await db.Images.PrivateOnly().ToDictionaryAsync(i => i.Id);
        cloud.Fake.ClearRequests();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Images.PrivateOnly().ExecuteDeleteAsync(cancel.Token));

        Assert.Equal(EntityState.Detached, db.Entry(tracked[11]).State);
        Assert.Equal(EntityState.Unchanged, db.Entry(tracked[13]).State);
        Assert.Equal([13], cloud.Fake.Images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?private=true&per_page=200&page=1", "DELETE /v2/images/11", "DELETE /v2/images/12");
    }

    [Fact]
    public async Task A_cancellation_during_ExecuteUpdate_gives_what_was_updated_before_it_the_server_value()
    {
        var (cloud, db, cancel) = StartWithThreeImagesCancelledAtThe2nd("PUT");
        using var _ = cloud;
        using var __ = db;
        using var ___ = cancel;
        var tracked = await db.Images.PrivateOnly().ToDictionaryAsync(i => i.Id);
        cloud.Fake.ClearRequests();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.Images.PrivateOnly().ExecuteUpdateAsync(s => s.SetProperty(i => i.Description, "x"), cancel.Token));

        var first = db.Entry(tracked[11]);
        Assert.Equal(("x", "x", EntityState.Unchanged), (tracked[11].Description, first.Property(i => i.Description).OriginalValue, first.State));
        Assert.NotEqual("x", tracked[13].Description);
        Assert.Equal(["x", "x", null], cloud.Fake.Images.Select(i => i.Description));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?private=true&per_page=200&page=1", "PUT /v2/images/11", "PUT /v2/images/12");
    }

    /// <summary>Three of the account's images, 11 to 13, and a context that writes one at a time, cancelled at the write of 12.</summary>
    private static (TestCloud Cloud, CloudContext Db, CancellationTokenSource Cancel) StartWithThreeImagesCancelledAtThe2nd(string method)
    {
        var cloud = FaultyCloud.Start([Seeds.PrivateImage(11, "a"), Seeds.PrivateImage(12, "b"), Seeds.PrivateImage(13, "c")]);
        var cancel = new CancellationTokenSource();
        cloud.Fake.InjectFault(CancelAt(method, r => r.Path.EndsWith("/12", StringComparison.Ordinal), cancel));
        return (cloud, cloud.CreateFastContext(o => o.MaxConcurrentRequests(1)), cancel);
    }

    /// <summary>
    ///     A fault that cancels when the matching request arrives at the server, which carries it out and holds the answer back
    ///     until the cancellation has been seen.
    /// </summary>
    private static FakeFault CancelAt(string method, Func<RecordedRequest, bool> matches, CancellationTokenSource cancel)
        => new()
        {
            Method = method,
            Kind = FaultKind.SlowResponse,
            Delay = TimeSpan.FromSeconds(10),
            When = r =>
            {
                if (!matches(r))
                {
                    return false;
                }

                _ = cancel.CancelAsync();
                return true;
            }
        };

    private static Image New(string name) => new() { Name = name, Url = $"https://example.com/{name}.img", Region = "nyc3" };
}
