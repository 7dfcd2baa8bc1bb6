using System.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>The per-attempt timeout, and the caller's cancellation token, which must win over every wait.</summary>
public class TimeoutAndCancellationTests
{
    private const string FirstPage = "GET /v2/images?per_page=200&page=1";
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(200);

    // The waits cancelled below last 30 s; stopping within a second proves the token cut them short.
    // Generous for a loaded machine, and still far below the 30 s the work would take without cancellation.
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_GET_slower_than_the_request_timeout_is_retried_and_then_succeeds()
    {
        var seed = FakeCatalog.PrivateImages(3);
        using var cloud = FaultyCloud.Start(seed);
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(5) });
        using var db = cloud.CreateFastContext(o => o.RequestTimeout(ShortTimeout));

        var images = await db.Images.ToListAsync();

        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage);
    }

    [Fact]
    public async Task A_GET_that_times_out_on_every_attempt_fails_with_a_TimeoutException_naming_the_request()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(3));
        cloud.Fake.InjectFault(new FakeFault
        {
            Method = "GET", Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(5), Times = int.MaxValue
        });
        using var db = cloud.CreateFastContext(o => o.RequestTimeout(ShortTimeout).MaxRetries(2));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => db.Images.ToListAsync());

        Assert.Equal($"{FirstPage} got no response within 0.2 s.", error.Message);
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage, FirstPage);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_at_once()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(3));
        var fault = cloud.Fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 503, Times = int.MaxValue });
        using var db = cloud.CreateContext(o => o.RetryDelay(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource();

        var query = db.Images.ToListAsync(cancel.Token);
        var stopped = await CancelOnceAsync(cancel, () => fault.Hits == 1, query);

        Assert.InRange(stopped, TimeSpan.Zero, Promptly);
        RequestAssert.Sent(cloud.Requests, FirstPage);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_a_slow_answer_stops_at_once_and_is_not_reported_as_a_timeout()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(3));
        var fault = cloud.Fake.InjectFault(new FakeFault
        {
            Method = "GET", Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(30)
        });
        using var db = cloud.CreateFastContext();
        using var cancel = new CancellationTokenSource();

        var query = db.Images.ToListAsync(cancel.Token);
        var stopped = await CancelOnceAsync(cancel, () => fault.Hits == 1, query);

        Assert.InRange(stopped, TimeSpan.Zero, Promptly);
        RequestAssert.Sent(cloud.Requests, FirstPage);
    }

    [Fact]
    public async Task Cancelling_a_SaveChanges_during_a_retry_wait_stops_at_once_and_keeps_the_change()
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(7, "old-name")]);
        using var db = cloud.CreateContext(o => o.RetryDelay(TimeSpan.FromSeconds(30)));
        var image = await db.Images.SingleAsync(i => i.Id == 7);
        cloud.Fake.ClearRequests();
        var fault = cloud.Fake.InjectFault(new FakeFault { Method = "PUT", StatusCode = 503, Times = int.MaxValue });
        using var cancel = new CancellationTokenSource();

        image.Name = "new-name";
        var save = db.SaveChangesAsync(cancel.Token);
        var stopped = await CancelOnceAsync(cancel, () => fault.Hits == 1, save);

        Assert.InRange(stopped, TimeSpan.Zero, Promptly);
        Assert.Equal(EntityState.Modified, db.Entry(image).State);
        Assert.Equal("old-name", cloud.Fake.FindImage(7)!.Name);
        RequestAssert.Sent(cloud.Requests, "PUT /v2/images/7");
    }

    /// <summary>
    ///     Cancels once <paramref name="ready" /> holds (the request is in the wait under test, not still compiling), and returns
    ///     how long <paramref name="operation" /> took to stop after that, having checked that it stopped by cancellation.
    /// </summary>
    private static async Task<TimeSpan> CancelOnceAsync(CancellationTokenSource cancel, Func<bool> ready, Task operation)
    {
        await Eventually.Until(ready, "the request to reach the fake");

        // Let the answer reach the client, so that the cancellation lands in the wait after it.
        await Task.Delay(50);
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation);
        return clock.Elapsed;
    }
}
