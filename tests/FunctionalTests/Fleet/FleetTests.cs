using EFCore.DigitalOcean.FunctionalTests.Pacing;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Xunit.Abstractions;

namespace EFCore.DigitalOcean.FunctionalTests.Fleet;

/// <summary>
///     A fleet on one token: three processes (tests/FleetWorker) delete 300 images each against one fake that enforces the
///     burst limit, each pacing every attempt from one RedisRateLimiting sliding window in a real Redis server, through
///     <c>o.RateLimiter(...)</c>. No process knows what the others send; the shared limiter does. The test runs in real time,
///     so the API's 250 a minute is scaled down to 250 in 6 s: the same budget, ten times faster, ~25 s instead of ~4 min.
///     The limiter keeps the headroom the README's fleet setup gives the real API (240 in 61 s): its window is half a second
///     longer than the fake's, for the time a request takes from its permit to its arrival, and it grants 10 fewer, for the
///     few that take much longer, such as a cold process's first request (measured here: up to 3 late per window without).
/// </summary>
public class FleetTests(ITestOutputHelper output)
{
    private const int Workers = 3;
    private const int ImagesPerWorker = 300;
    private const int BurstLimit = 250;
    private const long FirstId = 100_000_000;
    private static readonly TimeSpan FakeWindow = TimeSpan.FromSeconds(6);
    private const int LimiterPermits = 240;
    private static readonly TimeSpan LimiterWindow = FakeWindow + TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Three_processes_sharing_a_Redis_limiter_delete_900_images_with_no_429_and_within_the_burst_limit_together()
    {
        using var redis = await RedisServer.StartAsync();
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions
        {
            AccessToken = SecretAssert.NewToken(),
            Seed = FakeCatalog.PrivateImages(Workers * ImagesPerWorker, firstId: FirstId)
                .Select((image, index) =>
                {
                    image.Tags = [Tag(index / ImagesPerWorker)];
                    return image;
                }),
            BurstLimit = BurstLimit,
            BurstWindow = FakeWindow
        });

        var runs = await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => FleetWorkerProcess.RunAsync(
            cloud.Fake.AccessToken,
            "--base-url", cloud.Fake.BaseAddress.ToString(),
            "--redis", redis.Endpoint,
            "--partition", "fleet-test-token",
            "--permits", LimiterPermits.ToString(),
            "--window-ms", ((int)LimiterWindow.TotalMilliseconds).ToString(),
            "--tag", Tag(worker))));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, $"A worker failed ({run.ExitCode}): {run.Error}"));
        Assert.All(runs, run => Assert.Equal(ImagesPerWorker.ToString(), run.Output.Trim()));
        Assert.Empty(cloud.Fake.Images);

        var requests = cloud.Requests;
        SecretAssert.NotIn(string.Concat(runs.Select(r => r.Output + r.Error)), cloud.Fake.AccessToken, "the workers' output");
        var rate = BurstRate.Of(requests, FakeWindow);
        output.WriteLine(
            $"Fleet of {Workers} at {BurstLimit} per {FakeWindow.TotalSeconds} s: {rate} (a window being {FakeWindow.TotalSeconds} s), "
            + $"{requests.Count(r => r.StatusCode == 429)} responses 429.");
        Assert.DoesNotContain(requests, r => r.StatusCode == 429);
        RequestAssert.Sent(
            requests,
            [
                .. Enumerable.Range(0, Workers).SelectMany(worker => RequestAssert.Pages($"GET /v2/images?tag_name={Tag(worker)}&per_page=200", 2)),
                .. Enumerable.Range(0, Workers * ImagesPerWorker).Select(i => $"DELETE /v2/images/{FirstId + i}")
            ]);
        Assert.True(rate.MostInAnyWindow <= BurstLimit, $"The fleet sent more than {BurstLimit} requests in one window: {rate}.");
    }

    private static string Tag(int worker) => "fleet-worker-" + worker;
}
