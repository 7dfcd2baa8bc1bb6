using BenchmarkDotNet.Attributes;
using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     Scenario 1, materialization overhead: 10,000 images in 50 pages of 200 from a fake without latency, so the cost is
///     the client's (plus the in-process server's, which the transport floor shows). Targets: no-tracking within 1.25× the
///     hand-written time and 1.5× its allocations, tracking within 2× the time, with one request at a time as the baseline.
/// </summary>
[MemoryDiagnoser]
public class MaterializationBenchmarks : MaterializationCases
{
    [GlobalSetup]
    public void Setup()
    {
        StartFake(FakeCatalog.PrivateImages(ImageCount));
        CreateOptions();
    }
}
