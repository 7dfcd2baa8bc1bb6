using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Baseline;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.Infrastructure;

/// <summary>
///     What every scenario shares: a fake API on loopback, a hand-written client for the baseline, and provider options
///     pointed at the fake. A scenario's <c>[GlobalSetup]</c> calls <see cref="StartFake" /> (the fake in this process) or
///     <see cref="StartFakeProcess" /> (in a process of its own); the <c>[GlobalCleanup]</c> here disposes what the setup started.
/// </summary>
public abstract class ApiBenchmark
{
    /// <summary>The page size of both the provider and the baseline: the API's maximum.</summary>
    public const int PageSize = 200;

    private readonly List<IDisposable> _owned = [];

    private FakeServerProcess? _serverProcess;

    /// <summary>The fake in this process; null when it runs in a process of its own.</summary>
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

    /// <summary>Starts the fake in a process of its own with <paramref name="images" /> private images, without latency.</summary>
    protected void StartFakeProcess(int images)
    {
        _serverProcess = Own(FakeServerProcess.Start(images));
        HandWrittenApi = new HandWrittenApi(Own(_serverProcess.CreateHttpClient()), PageSize);
    }

    /// <summary>Options for the provider; <paramref name="maxConcurrentRequests" /> null keeps the provider's default.</summary>
    protected DbContextOptions<CloudContext> ProviderOptions(int? maxConcurrentRequests = null)
        => new DbContextOptionsBuilder<CloudContext>()
            .UseDigitalOcean(_serverProcess?.AccessToken ?? Fake.AccessToken, o =>
            {
                // The fake enforces no burst limit: the benchmarks measure the provider, not the API's pace.
                o.BaseAddress(_serverProcess?.BaseAddress ?? Fake.BaseAddress).PageSize(PageSize).RequestsPerMinute(null);
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
    protected void BeginOperation()
    {
        if (_serverProcess is not null)
        {
            _serverProcess.ClearRequests();
        }
        else
        {
            Fake.ClearRequests();
        }
    }

    /// <summary>The requests since the last <see cref="BeginOperation" />: how many, the most in flight at once, the first one.</summary>
    internal (int Count, int MaxInFlight, string? First) RequestStats()
    {
        if (_serverProcess is not null)
        {
            return _serverProcess.RequestStats();
        }

        var requests = Fake.Requests;
        return (requests.Count, Fake.MaxConcurrentRequestsObserved,
            requests.Count == 0 ? null : $"{requests[0].Method} {requests[0].Path}{requests[0].QueryString}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
        _serverProcess = null;
    }
}
