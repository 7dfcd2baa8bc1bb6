using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>One logged event.</summary>
/// <param name="Category">The logger category, e.g. <c>Microsoft.EntityFrameworkCore.Database.Command</c>.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Level">The level it was logged at.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Data">EF's payload, when the entry came through <c>LogTo</c>; <see langword="null" /> from an <see cref="ILogger" />.</param>
public sealed record LogEntry(string Category, EventId EventId, LogLevel Level, string Message, EventData? Data);
