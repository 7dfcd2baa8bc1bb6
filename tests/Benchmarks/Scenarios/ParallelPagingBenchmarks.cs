using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Baseline;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     Scenario 2, parallel paging: 2,000 images (10 pages) behind 50 ms of latency per request, where waiting dominates.
///     BenchmarkDotNet repeats each operation, so the provider's cases list a catalogue the token has listed before: the pages
///     its last total implies go out with page 1. <see cref="Provider_Defaults_FirstListing" /> forgets that total first, as a
///     new process would start, so page 1 goes alone and tells the total before pages 2.. go out. Targets: a first listing with
///     the default (5 requests at once) within 0.4× of reading the pages one after another; a repeated one within 0.25×.
/// </summary>
[MemoryDiagnoser]
public class ParallelPagingBenchmarks : ApiBenchmark
{
    private const int ImageCount = 2_000;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    private DbContextOptions<CloudContext> _oneAtATime = null!;
    private DbContextOptions<CloudContext> _providerDefault = null!;
    private DbContextOptions<CloudContext> _fiveAtOnce = null!;
    private DbContextOptions<CloudContext> _everyPageAtOnce = null!;

    [GlobalSetup]
    public void Setup()
    {
        StartFake(FakeCatalog.PrivateImages(ImageCount), Latency);
        _oneAtATime = ProviderOptions(maxConcurrentRequests: 1);
        _providerDefault = ProviderOptions();
        _fiveAtOnce = ProviderOptions(maxConcurrentRequests: 5);
        _everyPageAtOnce = ProviderOptions(maxConcurrentRequests: ImageCount / PageSize);
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

    /// <summary>The defaults, listing again: pages 1 to 5 go out together, 6 to 10 as they answer.</summary>
    [Benchmark]
    public async Task<List<Image>> Provider_Defaults()
    {
        BeginOperation();
        await using var db = new CloudContext(_providerDefault);
        return await db.Images.AsNoTracking().ToListAsync();
    }

    /// <summary>The defaults, listing for the first time: page 1 alone, then pages 2 to 10 five at a time.</summary>
    [Benchmark]
    public async Task<List<Image>> Provider_Defaults_FirstListing()
    {
        BeginOperation();
        await using var db = new CloudContext(_providerDefault);
        db.GetService<RateLimitRegistry>().For(Fake.AccessToken).ListingTotals.Clear();
        return await db.Images.AsNoTracking().ToListAsync();
    }

    /// <summary>
    ///     Listing again, 5 at once: the narrowest window that sends 10 pages in two rounds. It is the default now, so this case
    ///     measures what <see cref="Provider_Defaults" /> does, with the window set explicitly.
    /// </summary>
    [Benchmark]
    public async Task<List<Image>> Provider_Window5()
    {
        BeginOperation();
        await using var db = new CloudContext(_fiveAtOnce);
        return await db.Images.AsNoTracking().ToListAsync();
    }

    /// <summary>Listing again with a window as wide as the listing: all 10 pages go out together.</summary>
    [Benchmark]
    public async Task<List<Image>> Provider_Window10()
    {
        BeginOperation();
        await using var db = new CloudContext(_everyPageAtOnce);
        return await db.Images.AsNoTracking().ToListAsync();
    }
}
