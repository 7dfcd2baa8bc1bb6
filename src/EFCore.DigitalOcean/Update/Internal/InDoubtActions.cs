using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     The actions of one context whose POST was sent but whose answer never came, per entity and action body (a transfer to
///     one region), with the time of the first such attempt: an action is not idempotent, so it is looked for among the
///     item's actions before it is ever sent again. Kept weakly by entity, as <see cref="InDoubtCreates" /> is.
/// </summary>
internal sealed class InDoubtActions
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, DateTimeOffset>> _firstSent = new();

    public DateTimeOffset? FirstSent(object entity, string body)
        => _firstSent.TryGetValue(entity, out var bodies) && bodies.TryGetValue(body, out var sent) ? sent : null;

    public void Remember(object entity, string body, DateTimeOffset sentAt)
        => _firstSent.GetOrCreateValue(entity).TryAdd(body, sentAt);

    public void Forget(object entity, string body)
    {
        if (_firstSent.TryGetValue(entity, out var bodies))
        {
            bodies.TryRemove(body, out _);
        }
    }
}
