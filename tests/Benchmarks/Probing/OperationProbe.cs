using System.Collections;
using System.Reflection;
using BenchmarkDotNet.Running;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;

namespace EFCore.DigitalOcean.Benchmarks.Probing;

/// <summary>
///     Runs one benchmark case outside BenchmarkDotNet's timing: global setup, one operation to warm up (JIT, connections,
///     the compiled-query cache), one observed operation, then global cleanup. The observed operation shows what the fake saw
///     and what EF compiled; for classes marked <see cref="MeasureLiveHeapAttribute" />, also the live heap. Benchmarks take
///     no parameters, so none are set.
/// </summary>
internal static class OperationProbe
{
    public static async Task<ProbeResult> RunAsync(BenchmarkCase benchmarkCase)
    {
        var descriptor = benchmarkCase.Descriptor;
        var benchmark = (ApiBenchmark)Activator.CreateInstance(descriptor.Type)!;
        await InvokeAsync(descriptor.GlobalSetupMethod, benchmark);
        try
        {
            var warmUpResult = new WeakReference(await InvokeAsync(descriptor.WorkloadMethod, benchmark));
            return descriptor.Type.IsDefined(typeof(MeasureLiveHeapAttribute))
                ? await ObserveWithHeapAsync(benchmark, descriptor.WorkloadMethod, warmUpResult)
                : await ObserveAsync(benchmark, descriptor.WorkloadMethod);
        }
        finally
        {
            await InvokeAsync(descriptor.GlobalCleanupMethod, benchmark);
        }
    }

    private static async Task<ProbeResult> ObserveAsync(ApiBenchmark benchmark, MethodInfo workload)
    {
        var compilationsBefore = benchmark.Compilations.Count;
        var result = await InvokeAsync(workload, benchmark);
        return Observed(benchmark, compilationsBefore, result);
    }

    private static async Task<ProbeResult> ObserveWithHeapAsync(ApiBenchmark benchmark, MethodInfo workload, WeakReference warmUpResult)
    {
        await WaitUntilCollectedAsync(warmUpResult);
        var compilationsBefore = benchmark.Compilations.Count;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        object? result;
        var sampler = LiveHeapSampler.Start();
        try
        {
            result = await InvokeAsync(workload, benchmark);
        }
        finally
        {
            sampler.Dispose();
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(result);
        return Observed(benchmark, compilationsBefore, result) with
        {
            PeakLiveBytes = Math.Max(sampler.Peak - heapBefore, retained),
            RetainedBytes = retained,
        };
    }

    // The operation cleared the fake's log when it began, so the log holds its requests only.
    private static ProbeResult Observed(ApiBenchmark benchmark, int compilationsBefore, object? result)
    {
        var (count, maxInFlight, first) = benchmark.RequestStats();
        return new ProbeResult(count, maxInFlight, benchmark.Compilations.Count - compilationsBefore, Describe(result))
        {
            FirstRequest = first,
        };
    }

    /// <summary>
    ///     A thread-pool thread can keep the last work item it ran reachable from its stack until it runs another one; here that
    ///     is the finished warm-up operation, holding its result (100,000 images for a list). Queue empty work until the result
    ///     is collected, so that the heap measured before the observed operation does not include it.
    /// </summary>
    private static async Task WaitUntilCollectedAsync(WeakReference result)
    {
        for (var attempt = 0; attempt < 20 && result.IsAlive; attempt++)
        {
            await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount * 4).Select(_ => Task.Run(static () => { })));
            await Task.Delay(10);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }

    private static async Task<object?> InvokeAsync(MethodInfo? method, object target)
    {
        var returned = method?.Invoke(target, null);
        if (returned is not Task task)
        {
            return returned;
        }

        await task;

        // Read through the declared return type: a plain Task has no Result, a Task<T> does.
        return method!.ReturnType.GetProperty(nameof(Task<object>.Result))?.GetValue(task);
    }

    private static long Describe(object? result) => result switch
    {
        null => 0,
        ICollection rows => rows.Count,
        int number => number,
        long number => number,
        _ => 1,
    };
}
