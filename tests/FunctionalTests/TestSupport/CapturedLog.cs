using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>Log entries collected at every level. Thread-safe: pages of a listing are fetched, and logged, concurrently.</summary>
public sealed class CapturedLog
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public void Add(LogEntry entry) => _entries.Enqueue(entry);

    /// <summary>
    ///     The sink for <c>LogTo(filter, Action&lt;EventData&gt;)</c>. EF names every event after the logger category it is logged
    ///     in plus a short name, so the category is the event name up to its last dot.
    /// </summary>
    public void Add(EventData data)
    {
        var name = data.EventId.Name ?? "";
        var category = name.Contains('.') ? name[..name.LastIndexOf('.')] : name;
        Add(new LogEntry(category, data.EventId, data.LogLevel, data.ToString(), data));
    }

    public IReadOnlyList<LogEntry> Of(EventId eventId) => [.. _entries.Where(e => e.EventId.Id == eventId.Id)];

    public void Clear() => _entries.Clear();
}
