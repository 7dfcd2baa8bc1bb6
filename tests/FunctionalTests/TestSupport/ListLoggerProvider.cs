using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>
///     An <see cref="ILoggerProvider" /> that writes into a <see cref="CapturedLog" />, for tests about what reaches an
///     application's logger factory (the real category, for one). A context given its own logger factory gets its own EF service
///     provider, so use it only where <c>LogTo</c> (see <see cref="TestCloud" />) cannot tell the difference.
/// </summary>
public sealed class ListLoggerProvider(CapturedLog log) : ILoggerProvider
{
    /// <summary>A logger factory that passes every level to a new provider over <paramref name="log" />.</summary>
    public static ILoggerFactory CreateFactory(CapturedLog log)
        => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(log)));

    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, log);

    public void Dispose()
    {
    }

    private sealed class ListLogger(string category, CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => log.Add(new LogEntry(category, eventId, logLevel, formatter(state, exception), null));
    }
}
