using System.Runtime.CompilerServices;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     The new entities of one context whose create was sent but whose answer never came (a 5xx, a timeout, a reset
///     connection, a cancellation while it was in flight, an answer that could not be accepted), with the time of the first
///     such attempt. Kept by entity instance, weakly, so a forgotten entity takes its mark with it; safe to use from the
///     writes running concurrently, because it never touches the change tracker.
/// </summary>
internal sealed class InDoubtCreates
{
    private readonly ConditionalWeakTable<object, StrongBox<DateTimeOffset>> _firstSent = new();

    /// <summary>When the first create of <paramref name="entity" /> whose outcome is unknown was sent; null when none is.</summary>
    public DateTimeOffset? FirstSent(object entity) => _firstSent.TryGetValue(entity, out var sent) ? sent.Value : null;

    /// <summary>Marks the create as in doubt; an earlier mark is kept, since the image may date from that attempt.</summary>
    public void Remember(object entity, DateTimeOffset sentAt) => _firstSent.TryAdd(entity, new StrongBox<DateTimeOffset>(sentAt));

    /// <summary>The create's outcome is known now: the entity holds the server's image.</summary>
    public void Forget(object entity) => _firstSent.Remove(entity);
}
