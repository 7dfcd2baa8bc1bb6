using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Baseline;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     The cases of the materialization scenarios: 10,000 images in 50 pages of 200 from a fake without latency, read by the
///     hand-written client and by the provider with and without tracking, one request at a time and with the defaults. A
///     scenario's <c>[GlobalSetup]</c> starts the fake (in this process or in its own) and then calls <see cref="CreateOptions" />.
/// </summary>
public abstract class MaterializationCases : ApiBenchmark
{
    protected const int ImageCount = 10_000;
    private const int Pages = ImageCount / PageSize;

    private DbContextOptions<CloudContext> _oneAtATime = null!;
    private DbContextOptions<CloudContext> _providerDefault = null!;

    protected void CreateOptions()
    {
        _oneAtATime = ProviderOptions(maxConcurrentRequests: 1);
        _providerDefault = ProviderOptions();
    }

    [Benchmark(Baseline = true)]
    public Task<List<ImageDto>> HandWritten()
    {
        BeginOperation();
        return HandWrittenApi.ListAllAsync();
    }

    /// <summary>
    ///     The baseline collecting into a list without a capacity, as EF's <c>ToListAsync</c> must. Past 10,625 references
    ///     such a list grows into the large object heap, where each operation leaves a dead 128 KB array that keeps the
    ///     previous operation's objects alive through the next collections of young objects; this case shows that cost apart
    ///     from the provider's.
    /// </summary>
    [Benchmark]
    public async Task<List<ImageDto>> HandWritten_GrowingList()
    {
        BeginOperation();
        var images = new List<ImageDto>();
        foreach (var image in await HandWrittenApi.ListAllAsync())
        {
            images.Add(image);
        }

        return images;
    }

    [Benchmark, TransportFloor]
    public Task<int> TransportOnly()
    {
        BeginOperation();
        return HandWrittenApi.DrainPagesAsync(Pages);
    }

    [Benchmark]
    public async Task<List<Image>> NoTracking_Seq()
    {
        BeginOperation();
        await using var db = new CloudContext(_oneAtATime);
        return await db.Images.AsNoTracking().ToListAsync();
    }

    /// <summary>The provider collected the way the baseline collects: into a list sized for the count it will hold.</summary>
    [Benchmark]
    public async Task<List<Image>> NoTracking_Seq_SizedList()
    {
        BeginOperation();
        await using var db = new CloudContext(_oneAtATime);
        var images = new List<Image>(ImageCount);
        await foreach (var image in db.Images.AsNoTracking().AsAsyncEnumerable())
        {
            images.Add(image);
        }

        return images;
    }

    [Benchmark]
    public async Task<List<Image>> Tracking_Seq()
    {
        BeginOperation();
        await using var db = new CloudContext(_oneAtATime);
        return await db.Images.ToListAsync();
    }

    [Benchmark]
    public async Task<List<Image>> NoTracking_Defaults()
    {
        BeginOperation();
        await using var db = new CloudContext(_providerDefault);
        return await db.Images.AsNoTracking().ToListAsync();
    }

    [Benchmark]
    public async Task<List<Image>> Tracking_Defaults()
    {
        BeginOperation();
        await using var db = new CloudContext(_providerDefault);
        return await db.Images.ToListAsync();
    }
}
