namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The recorded requests and the count of requests in flight.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<(long Sequence, RecordedRequest Request)> _entries = [];
    private long _arrivals;
    private int _inFlight;
    private int _maxInFlight;

    public int MaxConcurrent => Volatile.Read(ref _maxInFlight);

    public int InFlight => Volatile.Read(ref _inFlight);

    public long Arrivals => Interlocked.Read(ref _arrivals);

    /// <summary>Takes a ticket at arrival, so the log keeps arrival order even if answers finish out of order.</summary>
    public long NextSequence() => Interlocked.Increment(ref _arrivals);

    public void Add(long sequence, RecordedRequest request)
    {
        lock (_gate)
        {
            _entries.Add((sequence, request));
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _entries.OrderBy(e => e.Sequence).Select(e => e.Request).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            Volatile.Write(ref _maxInFlight, Volatile.Read(ref _inFlight));
        }
    }

    public void EnterRequest()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight))
               && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
            // Another request raised the maximum at the same time: read it again.
        }
    }

    public void ExitRequest() => Interlocked.Decrement(ref _inFlight);
}
