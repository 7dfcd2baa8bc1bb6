using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     Scenario 5, memory: 100,000 images (500 pages). Streaming them with <c>AsAsyncEnumerable()</c> without keeping them
///     should hold only the pages in flight, against a list that holds every image. The probe's PeakLive and Retained
///     columns show the live heap; BenchmarkDotNet's Allocated shows the (similar) garbage both produce.
/// </summary>
[MemoryDiagnoser]
[MeasureLiveHeap]
public class StreamingMemoryBenchmarks : ApiBenchmark
{
    private const int ImageCount = 100_000;

    private DbContextOptions<CloudContext> _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        StartFake(FakeCatalog.PrivateImages(ImageCount));
        _options = ProviderOptions();
    }

    [Benchmark(Baseline = true)]
    public async Task<List<Image>> HoldAll_ToList()
    {
        BeginOperation();
        await using var db = new CloudContext(_options);
        return await db.Images.AsNoTracking().ToListAsync();
    }

    [Benchmark]
    public async Task<int> Stream_AsAsyncEnumerable()
    {
        BeginOperation();
        await using var db = new CloudContext(_options);
        var seen = 0;
        await foreach (var image in db.Images.AsNoTracking().AsAsyncEnumerable())
        {
            // Touch each image so the loop cannot be optimized into nothing; nothing is kept.
            seen += image.Id > 0 ? 1 : 0;
        }

        return seen;
    }
}
