namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The injected faults, matched in the order they were injected.</summary>
internal sealed class FaultRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    public FaultHandle Add(FakeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var entry = new Entry(fault, new FaultHandle(fault));
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return entry.Handle;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>
    /// Finds the fault that answers this request and counts the hit. One lock covers matching and
    /// counting, so concurrent requests can never hit a fault more than <see cref="FakeFault.Times"/> times.
    /// </summary>
    public FakeFault? Match(RecordedRequest request)
    {
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                var fault = entry.Fault;
                if (entry.Handle.Hits >= fault.Times || !Matches(fault, request))
                {
                    continue;
                }

                if (entry.Skipped < fault.SkipFirst)
                {
                    entry.Skipped++;
                    continue;
                }

                entry.Handle.RecordHit();
                return fault;
            }

            return null;
        }
    }

    private static bool Matches(FakeFault fault, RecordedRequest request) =>
        (fault.Method is null || string.Equals(fault.Method, request.Method, StringComparison.OrdinalIgnoreCase))
        && (fault.PathPrefix is null || request.Path.StartsWith(fault.PathPrefix, StringComparison.Ordinal))
        && (fault.When is null || fault.When(request));

    private sealed class Entry(FakeFault fault, FaultHandle handle)
    {
        public FakeFault Fault { get; } = fault;

        public FaultHandle Handle { get; } = handle;

        public int Skipped { get; set; }
    }
}
