using BenchmarkDotNet.EventProcessors;
using BenchmarkDotNet.Running;

namespace EFCore.DigitalOcean.Benchmarks.Probing;

/// <summary>
///     Probes each benchmark of a class just before BenchmarkDotNet measures the class. It runs in the host process, so its
///     results reach the summary's columns whichever toolchain runs the measurements.
/// </summary>
public sealed class ProbeEventProcessor(ProbeResults results) : EventProcessor
{
    public override void OnStartRunBenchmarksInType(Type type, IReadOnlyList<BenchmarkCase> benchmarks)
    {
        foreach (var benchmarkCase in benchmarks)
        {
            var workload = benchmarkCase.Descriptor.WorkloadMethod;
            if (results.Contains(workload))
            {
                continue;
            }

            var name = $"{type.Name}.{workload.Name}";
            try
            {
                var result = OperationProbe.RunAsync(benchmarkCase).GetAwaiter().GetResult();
                results.Add(workload, result);
                Console.WriteLine($"// Probe {name}: {result}");
            }
            catch (Exception exception)
            {
                // A failing probe must not hide the measurements: BenchmarkDotNet reports the same failure on its own.
                Console.WriteLine($"// Probe {name} failed: {exception.GetBaseException().Message}");
            }
        }
    }
}
