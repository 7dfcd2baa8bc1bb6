using System.Collections.Concurrent;
using System.Reflection;

namespace EFCore.DigitalOcean.Benchmarks.Probing;

/// <summary>The probe results of this run, by benchmark method; filled by <see cref="ProbeEventProcessor" />, read by the columns.</summary>
public sealed class ProbeResults
{
    private readonly ConcurrentDictionary<MethodInfo, ProbeResult> _results = new();

    public bool Contains(MethodInfo workload) => _results.ContainsKey(workload);

    public void Add(MethodInfo workload, ProbeResult result) => _results[workload] = result;

    public ProbeResult? Find(MethodInfo workload) => _results.GetValueOrDefault(workload);
}
