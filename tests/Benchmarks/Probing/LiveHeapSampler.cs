namespace EFCore.DigitalOcean.Benchmarks.Probing;

/// <summary>
///     Samples the live heap during an operation: every 50 ms it forces a full blocking collection and reads the heap size,
///     so garbage is not counted, including large buffers that only a full collection frees. For the probe only: the forced
///     collections slow the operation down.
/// </summary>
internal sealed class LiveHeapSampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    private LiveHeapSampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "live heap sampler" };
        _thread.Start();
    }

    /// <summary>The largest live heap seen; read it after <see cref="Dispose" />.</summary>
    public long Peak { get; private set; }

    public static LiveHeapSampler Start() => new();

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        do
        {
            GC.Collect();
            Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: false));
        }
        while (!_stop.Wait(Interval));
    }
}
