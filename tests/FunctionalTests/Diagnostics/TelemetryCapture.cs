using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EFCore.DigitalOcean.FunctionalTests.Diagnostics;

/// <summary>
///     The real OpenTelemetry SDK with its in-memory exporters, listening to the provider's source and meter, to
///     System.Net.Http's built-in source (the HTTP client spans) and to EF Core's meter. Everything the test does runs under
///     <see cref="Root" />, and only spans of that trace are looked at.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    public const string ProviderName = "EFCore.DigitalOcean";
    public const string HttpSourceName = "System.Net.Http";
    public const string EfMeterName = "Microsoft.EntityFrameworkCore";

    private static readonly ActivitySource TestSource = new("EFCore.DigitalOcean.FunctionalTests");

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    public TelemetryCapture()
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(TestSource.Name, ProviderName, HttpSourceName)
            .AddInMemoryExporter(_spans)
            .Build();
        _meter = Sdk.CreateMeterProviderBuilder()
            .AddMeter(ProviderName, EfMeterName)
            .AddInMemoryExporter(_metrics)
            .Build();
        Root = TestSource.StartActivity("test")!;
    }

    /// <summary>The application's own span that every operation of the test runs under.</summary>
    public Activity Root { get; }

    /// <summary>The spans of this test's trace that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans.Where(s => s.TraceId == Root.TraceId)];
            }
        }
    }

    public IReadOnlyList<Activity> ProviderSpans => [.. Spans.Where(s => s.Source.Name == ProviderName)];

    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => [.. Spans.Where(s => s.ParentSpanId == parent.SpanId)];

    /// <summary>Collects the meters now and returns the points of <paramref name="instrument" />.</summary>
    public IReadOnlyList<MetricPoint> Collect(string instrument)
    {
        _meter.ForceFlush();
        var latest = _metrics.LastOrDefault(m => m.Name == instrument);
        return latest is null ? [] : [.. latest.MetricPoints];
    }

    /// <summary>The sum of a counter over the points whose tags include every one of <paramref name="tags" />.</summary>
    public long Sum(string instrument, params (string Key, object Value)[] tags)
        => Collect(instrument).Where(p => HasTags(p, tags)).Sum(p => p.GetSumLong());

    /// <summary>How many values a histogram recorded over the points whose tags include every one of <paramref name="tags" />.</summary>
    public long HistogramCount(string instrument, params (string Key, object Value)[] tags)
        => Collect(instrument).Where(p => HasTags(p, tags)).Sum(p => p.GetHistogramCount());

    public static IReadOnlyDictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    private static bool HasTags(MetricPoint point, (string Key, object Value)[] expected)
    {
        var tags = Tags(point);
        return expected.All(e => tags.TryGetValue(e.Key, out var value) && Equals(Convert.ToString(value), Convert.ToString(e.Value)));
    }

    public void Dispose()
    {
        Root.Dispose();
        _tracer.Dispose();
        _meter.Dispose();
    }
}
