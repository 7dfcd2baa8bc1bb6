using EFCore.DigitalOcean.Metadata.Internal;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.Diagnostics.Internal;

/// <summary>
///     Logs the provider's events through EF Core's diagnostics, so they reach <c>LogTo</c>, logger factories, and
///     <c>DiagnosticListener</c> subscribers (as <see cref="DigitalOceanRequestEventData" />). Nothing here ever receives the
///     access token: requests are described by method, path and query only.
/// </summary>
internal static class DigitalOceanLoggerExtensions
{
    /// <summary>Logs a finished request: <c>RequestExecuted</c> for a success status, else <c>RequestFailed</c>.</summary>
    public static void RequestCompleted(
        this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        string method,
        string path,
        HttpStatusCode? status,
        TimeSpan elapsed,
        int? rateLimitRemaining,
        string? requestId,
        string? requestBody,
        bool notFoundExpected = false)
    {
        // A point read's 404 is its answer ("no such image"), not a failure worth a warning.
        var definitions = Definitions(diagnostics);
        var definition = status is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices
            || (notFoundExpected && status == HttpStatusCode.NotFound)
                ? RequestDefinition(ref definitions.LogRequestExecuted, diagnostics, DigitalOceanEventId.RequestExecuted, LogLevel.Information, "Executed")
                : RequestDefinition(ref definitions.LogRequestFailed, diagnostics, DigitalOceanEventId.RequestFailed, LogLevel.Warning, "Failed");
        var statusText = status is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no response";
        var milliseconds = ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var remaining = rateLimitRemaining?.ToString(CultureInfo.InvariantCulture) ?? "?";
        var body = requestBody is not null && diagnostics.ShouldLogSensitiveData() ? " " + requestBody : "";
        var request = method + " " + LoggedRequestTarget.For(path, diagnostics.ShouldLogSensitiveData());
        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, request, statusText, milliseconds, remaining, requestId ?? "?", body);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new DigitalOceanRequestEventData(
                definition,
                (d, _) => ((EventDefinition<string, string, string, string, string, string>)d).GenerateMessage(
                    request, statusText, milliseconds, remaining, requestId ?? "?", body),
                method, path, status, elapsed, rateLimitRemaining, requestId);
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    public static void RequestRetrying(
        this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        string request,
        int attempt,
        string outcome,
        TimeSpan delay)
    {
        var definition = Definition(
            ref Definitions(diagnostics).LogRequestRetrying, diagnostics, DigitalOceanEventId.RequestRetrying, LogLevel.Information,
            "Retrying HTTP request {request} after {outcome}.");
        Log(
            diagnostics,
            definition,
            LoggedRequestTarget.ForRequest(request, diagnostics.ShouldLogSensitiveData()),
            $"attempt {attempt.ToString(CultureInfo.InvariantCulture)} ended with {outcome}; waiting "
            + ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms");
    }

    public static void RequestThrottled(
        this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        int rateLimitRemaining,
        TimeSpan delay)
    {
        var definition = Definition(
            ref Definitions(diagnostics).LogRequestThrottled, diagnostics, DigitalOceanEventId.RequestThrottled, LogLevel.Information,
            "Only {remaining} requests are left in the DigitalOcean rate-limit window; waiting {delayMs} ms before the next request.");
        Log(
            diagnostics,
            definition,
            rateLimitRemaining.ToString(CultureInfo.InvariantCulture),
            ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
    }

    public static void FullListing(
        this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string path, string inMemory, string narrowBy)
    {
        var eventId = DigitalOceanEventId.FullListingWarning;
        var definition = (EventDefinition<string, string, string>)(Definitions(diagnostics).LogFullListing ??=
            new EventDefinition<string, string, string>(
                diagnostics.Options,
                eventId,
                LogLevel.Warning,
                "DigitalOceanEventId." + eventId.Name![(eventId.Name!.LastIndexOf('.') + 1)..],
                level => LoggerMessage.Define<string, string, string>(
                    level,
                    eventId,
                    "The query lists the whole catalogue ({path}) because this part of it cannot be sent to the API and runs in "
                    + "memory: {inMemory}. Narrow it with {narrowBy}; or make this warning an error with ConfigureWarnings.")));
        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, path, inMemory, narrowBy);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(
                definition, (d, _) => ((EventDefinition<string, string, string>)d).GenerateMessage(path, inMemory, narrowBy));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    public static void ResponseHeaderIgnored(
        this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, string header, string value)
    {
        var definition = Definition(
            ref Definitions(diagnostics).LogResponseHeaderIgnored, diagnostics, DigitalOceanEventId.ResponseHeaderIgnored, LogLevel.Debug,
            "Ignored the response header {header}: '{value}' is out of range.");
        Log(diagnostics, definition, header, value);
    }

    /// <summary>Logs (by default: throws) when writes would run inside an ambient transaction the API cannot join.</summary>
    public static void AmbientTransaction(this IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> diagnostics, string operation)
    {
        var definition = Definition(
            ref Definitions(diagnostics).LogAmbientTransaction, diagnostics, DigitalOceanEventId.AmbientTransactionWarning,
            LogLevel.Warning, DigitalOceanStrings.AmbientTransactionTemplate);
        Log(diagnostics, definition, operation, DigitalOceanStrings.NoTransactions);
    }

    public static void InDoubtCreateAdopted(this IDiagnosticsLogger<DbLoggerCategory.Update> diagnostics, string entry, object id)
    {
        var definition = Definition(
            ref Definitions(diagnostics).LogInDoubtCreateAdopted, diagnostics, DigitalOceanEventId.InDoubtCreateAdopted,
            LogLevel.Information,
            "{entry}, whose earlier create had an unknown outcome, was found with id {id} and adopted instead of being created again.");
        Log(diagnostics, definition, entry, ApiResource.KeySegment(id));
    }

    private static void Log<TCategory>(
        IDiagnosticsLogger<TCategory> diagnostics, EventDefinition<string, string> definition, string first, string second)
        where TCategory : LoggerCategory<TCategory>, new()
    {
        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, first, second);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, string>)d).GenerateMessage(first, second));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    private static DigitalOceanLoggingDefinitions Definitions(IDiagnosticsLogger logger)
        => (DigitalOceanLoggingDefinitions)logger.Definitions;

    private static EventDefinition<string, string, string, string, string, string> RequestDefinition(
        ref EventDefinitionBase? field, IDiagnosticsLogger logger, EventId eventId, LogLevel level, string verb)
        => (EventDefinition<string, string, string, string, string, string>)(field ??=
            new EventDefinition<string, string, string, string, string, string>(
                logger.Options,
                eventId,
                level,
                "DigitalOceanEventId." + eventId.Name![(eventId.Name!.LastIndexOf('.') + 1)..],
                level => LoggerMessage.Define<string, string, string, string, string, string>(
                    level,
                    eventId,
                    verb + " HTTP request {request} ({status}) in {elapsedMs} ms [ratelimit-remaining={remaining}, "
                    + "request-id={requestId}]{body}")));

    private static EventDefinition<string, string> Definition(
        ref EventDefinitionBase? field, IDiagnosticsLogger logger, EventId eventId, LogLevel level, string template)
        => (EventDefinition<string, string>)(field ??= new EventDefinition<string, string>(
            logger.Options,
            eventId,
            level,
            "DigitalOceanEventId." + eventId.Name![(eventId.Name!.LastIndexOf('.') + 1)..],
            l => LoggerMessage.Define<string, string>(l, eventId, template)));
}
