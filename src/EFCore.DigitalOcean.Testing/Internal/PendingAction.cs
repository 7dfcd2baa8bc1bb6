namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>An image action still in progress, with what decides when it ends.</summary>
internal sealed class PendingAction(FakeAction action, DateTimeOffset startedAt, int hiddenReads) : IPendingWork
{
    public FakeAction Action { get; } = action;

    /// <summary>The exact start (the action's <c>started_at</c> has whole seconds only).</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    public int Polls { get; set; }

    /// <summary>How many more GETs by id answer 404, as the real API does just after the POST.</summary>
    public int HiddenReads { get; set; } = hiddenReads;
}
