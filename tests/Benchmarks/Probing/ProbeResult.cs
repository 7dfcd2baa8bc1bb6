using System.Globalization;
using System.Text;

namespace EFCore.DigitalOcean.Benchmarks.Probing;

/// <summary>What one warm operation of a benchmark did, seen from outside BenchmarkDotNet's measurements.</summary>
/// <param name="Requests">Requests the fake received.</param>
/// <param name="MaxInFlight">The most requests the fake had in flight at once.</param>
/// <param name="Compilations">Queries EF Core compiled (0 when the compiled-query cache was hit).</param>
/// <param name="Result">Rows returned, the count, or 1/0 for a single entity found or not.</param>
public sealed record ProbeResult(int Requests, int MaxInFlight, int Compilations, long Result)
{
    /// <summary>The first request, such as <c>GET /v2/images?per_page=200&amp;page=1</c>.</summary>
    public string? FirstRequest { get; init; }

    /// <summary>The largest live heap seen during the operation, above the heap before it (heap-measuring classes only).</summary>
    public long? PeakLiveBytes { get; init; }

    /// <summary>The live heap right after the operation, its result still referenced, above the heap before it.</summary>
    public long? RetainedBytes { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Requests} requests (first: {FirstRequest}), at most {MaxInFlight} in flight, ")
            .Append(CultureInfo.InvariantCulture, $"{Compilations} query compilations, result {Result}");
        if (PeakLiveBytes is { } peak && RetainedBytes is { } retained)
        {
            text.Append($", live heap peak {Megabytes(peak)}, retained {Megabytes(retained)}");
        }

        return text.ToString();
    }

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MB");
}
