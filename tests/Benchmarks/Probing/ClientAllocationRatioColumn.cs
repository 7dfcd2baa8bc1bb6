using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;

namespace EFCore.DigitalOcean.Benchmarks.Probing;

/// <summary>
///     The allocation ratio to the baseline after subtracting the class's <see cref="TransportFloorAttribute" /> case from both
///     sides: (case − floor) / (baseline − floor). BenchmarkDotNet counts every allocation of the process, and the fake serves
///     from this process, so its plain Alloc Ratio includes the server's and the transport's allocations, which are the same
///     for every client and pull the ratio toward 1. (Time gets no such column: it is too noisy here to subtract.)
/// </summary>
public sealed class ClientAllocationRatioColumn : IColumn
{
    public string Id => nameof(ClientAllocationRatioColumn);

    public string ColumnName => "ClientAllocRatio";

    public string Legend => "(Allocated − the transport floor's) / (the baseline's − the floor's): the client's own allocations";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var sameClass = summary.BenchmarksCases.Where(c => c.Descriptor.Type == benchmarkCase.Descriptor.Type).ToList();
        var floor = sameClass.FirstOrDefault(IsFloor);
        var baseline = sameClass.FirstOrDefault(c => c.Descriptor.Baseline);
        if (floor is null || baseline is null || IsFloor(benchmarkCase))
        {
            return "-";
        }

        var floorBytes = Allocated(summary, floor);
        var own = Allocated(summary, benchmarkCase) - floorBytes;
        var baselineOwn = Allocated(summary, baseline) - floorBytes;
        return own is { } bytes && baselineOwn is > 0
            ? ((double)bytes / baselineOwn.Value).ToString("F2", CultureInfo.InvariantCulture)
            : "?";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(IsFloor);

    public override string ToString() => ColumnName;

    private static long? Allocated(Summary summary, BenchmarkCase benchmarkCase)
        => summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);

    private static bool IsFloor(BenchmarkCase benchmarkCase)
        => benchmarkCase.Descriptor.WorkloadMethod.IsDefined(typeof(TransportFloorAttribute));
}
