using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     The actions this context started and has not seen finish, per item: what <c>WaitUntilAvailableAsync</c> waits for. One
///     per context, used on the context's thread (SaveChanges records, the wait reads), like the change tracker.
/// </summary>
internal sealed class StartedActions
{
    private readonly Dictionary<(IEntityType EntityType, string Key), List<StartedAction>> _actions = [];

    public void Add(IEntityType entityType, string keySegment, StartedAction action)
    {
        if (!_actions.TryGetValue((entityType, keySegment), out var list))
        {
            _actions[(entityType, keySegment)] = list = [];
        }

        list.Add(action);
    }

    public IReadOnlyList<StartedAction> For(IEntityType entityType, string keySegment)
        => _actions.TryGetValue((entityType, keySegment), out var list) ? [.. list] : [];

    public void Finished(IEntityType entityType, string keySegment, StartedAction action)
    {
        if (_actions.TryGetValue((entityType, keySegment), out var list) && list.Remove(action) && list.Count == 0)
        {
            _actions.Remove((entityType, keySegment));
        }
    }
}
