using BenchmarkDotNet.Attributes;

namespace EFCore.DigitalOcean.Benchmarks.Scenarios;

/// <summary>
///     Scenario 1 with the fake in a process of its own (<c>tests/FakeServer</c>): the same cases, but the client measured
///     shares neither the server's thread pool nor its garbage collector, as against a real API. Allocations are the
///     client's alone here (the server's are in the other process), and the transport floor is the client's HTTP work.
/// </summary>
[MemoryDiagnoser]
public class SeparateProcessMaterializationBenchmarks : MaterializationCases
{
    [GlobalSetup]
    public void Setup()
    {
        StartFakeProcess(ImageCount);
        CreateOptions();
    }
}
