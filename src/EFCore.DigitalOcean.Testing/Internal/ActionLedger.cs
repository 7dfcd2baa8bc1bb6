namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// Every image action in order of creation, and those still in progress. Not locked itself: the
/// <see cref="ImageStore"/> that owns it calls it under its lock, because finishing an action changes an
/// image (a transfer adds a region, a convert makes a snapshot).
/// </summary>
internal sealed class ActionLedger(CompletionPolicy policy, int notFoundReads, Func<long, FakeImage?> ownImage)
{
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Errored = "errored";

    private readonly List<FakeAction> _order = [];
    private readonly Dictionary<long, FakeAction> _byId = [];
    private readonly Dictionary<long, PendingAction> _pending = [];

    // The spec example's id, so that action ids never look like the small image ids of tests.
    private long _nextId = 36805527;

    /// <summary>Starts an action and returns it as the 201 shows it (in progress).</summary>
    public FakeAction Start(long imageId, string type, string? regionSlug, DateTimeOffset now)
    {
        var action = new FakeAction
        {
            Id = _nextId++,
            ImageId = imageId,
            Type = type,
            Status = InProgress,
            StartedAt = Timestamps.TruncateToSeconds(now),
            RegionSlug = regionSlug,
        };
        _order.Add(action);
        _byId.Add(action.Id, action);
        var answer = action.Clone();
        var pending = new PendingAction(action, now, notFoundReads);
        if (policy.FinishesAtOnce)
        {
            Finish(pending, Completed, now);
        }
        else
        {
            _pending.Add(action.Id, pending);
        }

        return answer;
    }

    /// <summary>Whether an action of this type (and target region) is still running on the image.</summary>
    public bool IsRunning(long imageId, string type, string? regionSlug) =>
        _pending.Values.Any(p => p.Action.ImageId == imageId && p.Action.Type == type && p.Action.RegionSlug == regionSlug);

    /// <summary>Finishes the actions whose time is up.</summary>
    public void FinishDue(DateTimeOffset now)
    {
        if (!policy.IsTimed || _pending.Count == 0)
        {
            return;
        }

        foreach (var pending in _pending.Values.Where(p => policy.IsDue(p, now)).ToList())
        {
            Finish(pending, Completed, now);
        }
    }

    /// <summary>A client read showed the image: each of its actions in progress counts it as a poll.</summary>
    public void PollImage(long imageId, DateTimeOffset now)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        foreach (var pending in _pending.Values.Where(p => p.Action.ImageId == imageId).ToList())
        {
            Poll(pending, now);
        }
    }

    /// <summary>
    /// A client's GET of one action: <see langword="null"/> while the action is not readable yet (the
    /// first <c>ActionNotFoundPolls</c> GETs), else a copy after counting the GET as a poll.
    /// </summary>
    public FakeAction? Get(long actionId, long? imageId, DateTimeOffset now)
    {
        if (!_byId.TryGetValue(actionId, out var action) || (imageId is { } id && action.ImageId != id))
        {
            return null;
        }

        if (_pending.TryGetValue(actionId, out var pending))
        {
            if (pending.HiddenReads > 0)
            {
                pending.HiddenReads--;
                return null;
            }

            Poll(pending, now);
        }

        return action.Clone();
    }

    /// <summary>
    /// A page of the actions, newest last (the order of creation); unless <paramref name="poll"/> is false
    /// (a fault's preview), each action on the page counts the read as a poll. Actions not yet readable by
    /// id are listed: whether the real API lists them is not documented, and listing them is what lets a
    /// client find an action whose POST answer was lost.
    /// </summary>
    public (IReadOnlyList<FakeAction> Page, int Total) List(long? imageId, Paging paging, DateTimeOffset now, bool poll)
    {
        IEnumerable<FakeAction> matches = imageId is { } id ? _order.Where(a => a.ImageId == id) : _order;
        return paging.Window(matches, action =>
        {
            if (poll && _pending.TryGetValue(action.Id, out var pending))
            {
                Poll(pending, now);
            }

            return action.Clone();
        });
    }

    public IReadOnlyList<FakeAction> Snapshot() => _order.Select(a => a.Clone()).ToList();

    /// <summary>Ends an action by hand with <c>completed</c> (applying it) or <c>errored</c> (changing nothing).</summary>
    public void SetStatus(long actionId, string status, DateTimeOffset now)
    {
        if (status is not (Completed or Errored))
        {
            throw new ArgumentException($"An action can be set to {Completed} or {Errored}, not '{status}'.", nameof(status));
        }

        if (!_byId.TryGetValue(actionId, out var action))
        {
            throw new KeyNotFoundException($"The fake has no action with id {actionId}.");
        }

        if (_pending.TryGetValue(actionId, out var pending))
        {
            Finish(pending, status, now);
        }
        else
        {
            action.Status = status;
            action.CompletedAt ??= Timestamps.TruncateToSeconds(now);
        }
    }

    private void Poll(PendingAction pending, DateTimeOffset now)
    {
        if (policy.Poll(pending, now))
        {
            Finish(pending, Completed, now);
        }
    }

    private void Finish(PendingAction pending, string status, DateTimeOffset now)
    {
        _pending.Remove(pending.Action.Id);
        var action = pending.Action;
        action.CompletedAt = Timestamps.TruncateToSeconds(now);

        // An image deleted or given away meanwhile cannot receive the result.
        var image = status == Completed ? ownImage(action.ImageId) : null;
        action.Status = image is null ? Errored : Completed;
        if (image is null)
        {
            return;
        }

        if (action.Type == ImageActionTypes.Transfer && !image.Regions.Contains(action.RegionSlug!, StringComparer.Ordinal))
        {
            image.Regions.Add(action.RegionSlug!);
        }
        else if (action.Type == ImageActionTypes.Convert)
        {
            image.Type = "snapshot";
        }
    }
}
