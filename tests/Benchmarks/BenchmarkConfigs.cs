using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EFCore.DigitalOcean.Benchmarks.Probing;
using Perfolizer.Horology;

namespace EFCore.DigitalOcean.Benchmarks;

/// <summary>The two ways to run: a short in-process run a CI job can afford, and BenchmarkDotNet's full default.</summary>
internal static class BenchmarkConfigs
{
    /// <summary>
    ///     Two warm-up and five measured iterations of 200 ms, in this process (no generated project to build), without
    ///     measuring BenchmarkDotNet's own per-call overhead (nanoseconds, against operations of 0.1 ms and more). Enough to see
    ///     a ratio move; too few to trust a difference of a few percent on a busy machine.
    /// </summary>
    public static IConfig Short()
        => Common().AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(200))
            .WithEvaluateOverhead(false)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short"));

    /// <summary>BenchmarkDotNet's default job, out of process; its command-line options (--job, --filter, ...) still apply.</summary>
    public static IConfig Full() => Common();

    private static ManualConfig Common()
    {
        var probes = new ProbeResults();
        return ManualConfig.Create(DefaultConfig.Instance)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"))
            .AddEventProcessor(new ProbeEventProcessor(probes))
            .AddColumn(ProbeColumn.All(probes))
            .AddColumn(new ClientAllocationRatioColumn());
    }
}
