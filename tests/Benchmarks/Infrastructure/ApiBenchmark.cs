using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Baseline;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.Infrastructure;

/// <summary>
///     What every scenario shares: a fake API on loopback, a hand-written client for the baseline, and provider options
///     pointed at the fake. A scenario's <c>[GlobalSetup]</c> calls <see cref="StartFake" />; the <c>[GlobalCleanup]</c> here
///     disposes what the setup started.
/// </summary>
public abstract class ApiBenchmark
{
    /// <summary>The page size of both the provider and the baseline: the API's maximum.</summary>
    public const int PageSize = 200;

    private readonly List<IDisposable> _owned = [];

    internal DigitalOceanFake Fake { get; private set; } = null!;

    internal QueryCompilationCounter Compilations => QueryCompilationCounter.Instance;

    protected HandWrittenApi HandWrittenApi { get; private set; } = null!;

    protected void StartFake(IReadOnlyList<FakeImage> catalogue, TimeSpan latency = default)
    {
        Fake = Own(DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            Seed = catalogue,
            Latency = latency,

            // The default hourly budget (5,000) would run out within seconds of a benchmark.
            RateLimit = int.MaxValue,
        }));
        HandWrittenApi = new HandWrittenApi(Own(Fake.CreateHttpClient()), PageSize);
    }

    /// <summary>Options for the provider; <paramref name="maxConcurrentRequests" /> null keeps the provider's default.</summary>
    protected DbContextOptions<CloudContext> ProviderOptions(int? maxConcurrentRequests = null)
        => new DbContextOptionsBuilder<CloudContext>()
            .UseDigitalOcean(Fake.AccessToken, o =>
            {
                // The fake enforces no burst limit: the benchmarks measure the provider, not the API's pace.
                o.BaseAddress(Fake.BaseAddress).PageSize(PageSize).RequestsPerMinute(null);
                if (maxConcurrentRequests is { } max)
                {
                    o.MaxConcurrentRequests(max);
                }
            })
            .AddInterceptors(Compilations)
            .Options;

    /// <summary>Disposes <paramref name="resource" /> at global cleanup, after anything owned later.</summary>
    protected T Own<T>(T resource)
        where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    /// <summary>
    ///     Every operation starts here. The fake records each request it gets and would otherwise keep millions of records over
    ///     a run; cleared at the start, the log holds exactly the last operation's requests, which the probe reports. The cost
    ///     (a lock and a list clear) is the same for baseline and provider and far below a loopback round trip.
    /// </summary>
    protected void BeginOperation() => Fake.ClearRequests();

    [GlobalCleanup]
    public void Cleanup()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }
}
