using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Benchmarks.Baseline;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     Parsing alone: one 200-image page body, already in memory, read by the provider's page reader into typed row columns
///     against source-generated System.Text.Json reading it into DTOs. No HTTP, no EF; this is the part of the
///     materialization scenario that happens before a row becomes an entity.
/// </summary>
[MemoryDiagnoser]
public class PageReaderBenchmarks : ApiBenchmark
{
    private byte[] _body = null!;
    private ResourceRowReader _rows = null!;

    [GlobalSetup]
    public void Setup()
    {
        StartFake(FakeCatalog.PrivateImages(PageSize));
        using var http = Fake.CreateHttpClient();
        _body = http.GetByteArrayAsync($"v2/images?per_page={PageSize}&page=1").GetAwaiter().GetResult();
        using var db = new CloudContext(ProviderOptions());
        _rows = ResourceRowReader.For(db.Model.FindEntityType(typeof(Image))!, EFCore.DigitalOcean.Metadata.Internal.ApiResources.Images);
        Fake.ClearRequests();
    }

    [Benchmark(Baseline = true)]
    public int SourceGeneratedJson()
        => JsonSerializer.Deserialize(_body, BaselineJsonContext.Default.ImagePageDto)!.Images.Count;

    [Benchmark]
    public int ProviderPageReader() => _rows.Envelopes.ReadPage(_body, PageSize).Rows.Count;
}
