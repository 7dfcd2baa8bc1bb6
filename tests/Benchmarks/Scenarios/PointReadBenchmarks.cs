using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Baseline;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     Scenario 3, point reads: one <c>GET /v2/images/{id}</c>. A fresh context per read (as in a web request), and a warm
///     context repeating the query shape with a new id each call, which must hit the compiled-query cache (Compiles = 0).
/// </summary>
[MemoryDiagnoser]
public class PointReadBenchmarks : ApiBenchmark
{
    private const int ImageCount = 1_000;
    private const long FirstId = 100_000_000;

    private DbContextOptions<CloudContext> _options = null!;
    private CloudContext _warm = null!;
    private long _nextId = FirstId;

    [GlobalSetup]
    public void Setup()
    {
        StartFake(FakeCatalog.PrivateImages(ImageCount, firstId: FirstId));
        _options = ProviderOptions();
        _warm = Own(new CloudContext(_options));
    }

    [Benchmark(Baseline = true)]
    public Task<ImageDto?> HandWritten_Get()
    {
        BeginOperation();
        return HandWrittenApi.GetImageAsync(FirstId);
    }

    [Benchmark]
    public async Task<Image?> Where_FreshContext()
    {
        BeginOperation();
        await using var db = new CloudContext(_options);
        var id = FirstId;
        return await db.Images.Where(i => i.Id == id).SingleOrDefaultAsync();
    }

    [Benchmark]
    public async Task<Image?> Find_FreshContext()
    {
        BeginOperation();
        await using var db = new CloudContext(_options);
        return await db.Images.FindAsync(FirstId);
    }

    [Benchmark]
    public Task<Image?> Where_WarmContext_NewId()
    {
        BeginOperation();
        var id = NextId();
        return _warm.Images.AsNoTracking().Where(i => i.Id == id).SingleOrDefaultAsync();
    }

    private long NextId()
    {
        var id = _nextId;
        _nextId = id + 1 == FirstId + ImageCount ? FirstId : id + 1;
        return id;
    }
}
