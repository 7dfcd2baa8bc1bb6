using System.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     A cancelled token stops an asynchronous query promptly, even while the API is slow to answer. Times are measured from
///     the cancellation, so that compiling the query on a busy machine does not count.
/// </summary>
public class CancellationTests
{
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_already_cancelled_token_stops_the_query_before_any_request()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        await using var db = cloud.CreateContext();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Images.ToListAsync(new CancellationToken(canceled: true)));

        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public async Task Cancelling_while_the_first_page_is_awaited_stops_promptly()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        await using var db = cloud.CreateContext(o => o.MaxRetries(0));
        cloud.Fake.InjectFault(new FakeFault { Kind = FaultKind.SlowResponse, Delay = SlowAnswer });
        using var cancellation = new CancellationTokenSource();

        var query = db.Images.ToListAsync(cancellation.Token);
        await WaitUntilReceivedAsync(cloud);
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        Assert.True(clock.Elapsed < Prompt, $"The query stopped {clock.Elapsed} after the cancellation.");
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public async Task Cancelling_during_enumeration_stops_before_the_slow_later_pages()
    {
        using var cloud = TestCloud.Start(FakeCatalog.PrivateImages(450));
        await using var db = cloud.CreateContext(o => o.MaxRetries(0));
        cloud.Fake.InjectFault(new FakeFault { Kind = FaultKind.SlowResponse, Delay = SlowAnswer, SkipFirst = 1, Times = int.MaxValue });
        using var cancellation = new CancellationTokenSource();
        var received = 0;
        Stopwatch? clock = null;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in db.Images.AsAsyncEnumerable().WithCancellation(cancellation.Token))
            {
                received++;
                clock ??= Stopwatch.StartNew();
                await cancellation.CancelAsync();
            }
        });

        Assert.True(clock!.Elapsed < Prompt, $"The enumeration stopped {clock.Elapsed} after the cancellation.");
        Assert.InRange(received, 1, 200);
        Assert.Equal(("GET", "?per_page=200&page=1"), (cloud.Requests[0].Method, cloud.Requests[0].QueryString));
    }

    /// <summary>The fake records a request when it arrives, before it waits out the slow answer.</summary>
    private static async Task WaitUntilReceivedAsync(TestCloud cloud)
    {
        var waited = Stopwatch.StartNew();
        while (cloud.Requests.Count == 0)
        {
            Assert.True(waited.Elapsed < SlowAnswer, "The request never reached the fake.");
            await Task.Delay(10);
        }
    }
}
