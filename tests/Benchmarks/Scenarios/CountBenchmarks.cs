using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     Scenario 4, counting 2,000 images. <c>CountAsync()</c> is one request with <c>per_page=1</c>, answered from
///     <c>meta.total</c>. A condition the API cannot filter on (<c>Type</c>: the API's <c>type</c> parameter means something
///     else) makes the provider list every page and count in memory; the hand-written equivalent shows what that costs anyway.
/// </summary>
[MemoryDiagnoser]
public class CountBenchmarks : ApiBenchmark
{
    private const int ImageCount = 2_000;

    private DbContextOptions<CloudContext> _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        StartFake(FakeCatalog.PrivateImages(ImageCount));
        _options = ProviderOptions();
    }

    [Benchmark(Baseline = true)]
    public Task<long> HandWritten_Count()
    {
        BeginOperation();
        return HandWrittenApi.CountAsync();
    }

    [Benchmark]
    public async Task<int> CountAsync()
    {
        BeginOperation();
        await using var db = new CloudContext(_options);
        return await db.Images.CountAsync();
    }

    [Benchmark]
    public async Task<int> HandWritten_ListAndFilter()
    {
        BeginOperation();
        return (await HandWrittenApi.ListAllAsync()).Count(i => i.Type == ImageTypes.Backup);
    }

    [Benchmark]
    public async Task<int> CountAsync_InMemoryFilter()
    {
        BeginOperation();
        await using var db = new CloudContext(_options);
        return await db.Images.CountAsync(i => i.Type == ImageTypes.Backup);
    }
}
