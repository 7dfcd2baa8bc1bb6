using EFCore.DigitalOcean.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ImagesConsole.Output;

/// <summary>
///     What the provider is waiting for, from its log events: a progress display shows <see cref="Notice" /> instead of sitting
///     still while the provider throttles or retries.
/// </summary>
internal sealed class ProviderActivity
{
    /// <summary>
    ///     The provider's events that explain a wait, and the word a progress display puts before their message. Handling another
    ///     event is one more line here.
    /// </summary>
    private static readonly Dictionary<EventId, string> Notices = new()
    {
        [DigitalOceanEventId.RequestThrottled] = "throttled",
        [DigitalOceanEventId.RequestRetrying] = "retrying",
    };

    private volatile string? _notice;

    /// <summary>What the provider is waiting for right now, or <see langword="null" /> when its last request simply went through.</summary>
    public string? Notice => _notice;

    /// <summary>Whether <see cref="Observe" /> needs this event.</summary>
    public static bool Watches(EventId id) => Notices.ContainsKey(id) || id == DigitalOceanEventId.RequestExecuted;

    /// <summary>Takes in one of the provider's events; returns the new notice when the event starts a different wait.</summary>
    public string? Observe(EventData eventData)
    {
        if (!Notices.TryGetValue(eventData.EventId, out var word))
        {
            // A request went through: whatever was being waited for is over.
            _notice = eventData.EventId == DigitalOceanEventId.RequestExecuted ? null : _notice;
            return null;
        }

        var previous = _notice;
        _notice = $"{word}: {eventData}";
        return previous?.StartsWith(word + ":", StringComparison.Ordinal) == true ? null : _notice;
    }
}
