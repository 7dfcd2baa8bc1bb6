namespace EFCore.DigitalOcean.Testing;

/// <summary>Tracks one injected fault.</summary>
public sealed class FaultHandle
{
    private int _hits;

    internal FaultHandle(FakeFault fault) => Fault = fault;

    /// <summary>The fault this handle tracks.</summary>
    public FakeFault Fault { get; }

    /// <summary>How many requests the fault has hit so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    internal void RecordHit() => Interlocked.Increment(ref _hits);
}
