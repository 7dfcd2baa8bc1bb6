using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Baseline;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     Scenario 2, parallel paging: 2,000 images (10 pages) behind 50 ms of latency per request, where waiting dominates.
///     Target: the provider's default (4 requests at once) within 0.4× of reading the pages one after another.
/// </summary>
[MemoryDiagnoser]
public class ParallelPagingBenchmarks : ApiBenchmark
{
    private const int ImageCount = 2_000;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    private DbContextOptions<CloudContext> _oneAtATime = null!;
    private DbContextOptions<CloudContext> _providerDefault = null!;

    [GlobalSetup]
    public void Setup()
    {
        StartFake(FakeCatalog.PrivateImages(ImageCount), Latency);
        _oneAtATime = ProviderOptions(maxConcurrentRequests: 1);
        _providerDefault = ProviderOptions();
    }

    [Benchmark(Baseline = true)]
    public Task<List<ImageDto>> HandWritten_Seq()
    {
        BeginOperation();
        return HandWrittenApi.ListAllAsync();
    }

    [Benchmark]
    public async Task<List<Image>> Provider_Seq()
    {
        BeginOperation();
        await using var db = new CloudContext(_oneAtATime);
        return await db.Images.AsNoTracking().ToListAsync();
    }

    [Benchmark]
    public async Task<List<Image>> Provider_Default4()
    {
        BeginOperation();
        await using var db = new CloudContext(_providerDefault);
        return await db.Images.AsNoTracking().ToListAsync();
    }
}
