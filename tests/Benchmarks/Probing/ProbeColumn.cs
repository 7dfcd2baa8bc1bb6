using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EFCore.DigitalOcean.Benchmarks.Infrastructure;

namespace EFCore.DigitalOcean.Benchmarks.Probing;

/// <summary>A summary column showing one value of each case's <see cref="ProbeResult" />.</summary>
public sealed class ProbeColumn : IColumn
{
    private readonly ProbeResults _results;
    private readonly Func<ProbeResult, string?> _value;
    private readonly bool _heapOnly;

    private ProbeColumn(ProbeResults results, string name, string legend, Func<ProbeResult, string?> value, bool heapOnly = false)
    {
        _results = results;
        ColumnName = name;
        Legend = legend;
        _value = value;
        _heapOnly = heapOnly;
    }

    public string Id => nameof(ProbeColumn) + "." + ColumnName;

    public string ColumnName { get; }

    public string Legend { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public static IColumn[] All(ProbeResults results) =>
    [
        new ProbeColumn(
            results, "Requests", "HTTP requests the fake received during one warm operation", r => Invariant(r.Requests)),
        new ProbeColumn(
            results, "InFlight", "Most requests in flight at once during that operation", r => Invariant(r.MaxInFlight)),
        new ProbeColumn(
            results,
            "Compiles",
            "EF Core query compilations during that operation (0 = compiled-query cache hit)",
            r => Invariant(r.Compilations)),
        new ProbeColumn(
            results, "Result", "Rows returned, the count, or 1/0 for an entity found or not", r => Invariant(r.Result)),
        new ProbeColumn(
            results,
            "PeakLive",
            "Largest live heap during that operation (full GC every 50 ms), above the heap before it",
            r => r.PeakLiveBytes is { } bytes ? ProbeResult.Megabytes(bytes) : null,
            heapOnly: true),
        new ProbeColumn(
            results,
            "Retained",
            "Live heap just after that operation, its result still referenced, above the heap before it",
            r => r.RetainedBytes is { } bytes ? ProbeResult.Megabytes(bytes) : null,
            heapOnly: true),
    ];

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        => _results.Find(benchmarkCase.Descriptor.WorkloadMethod) is { } result ? _value(result) ?? "-" : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary)
        => !_heapOnly || summary.BenchmarksCases.Any(c => c.Descriptor.Type.IsDefined(typeof(MeasureLiveHeapAttribute)));

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => ColumnName;
}
