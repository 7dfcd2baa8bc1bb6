namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// When a long-running piece of work (an import, an image action) finishes: after a span of time on the
/// fake's clock, or else after a number of client reads that show it (polls).
/// </summary>
internal sealed class CompletionPolicy(TimeSpan duration, int polls)
{
    public bool IsTimed => duration > TimeSpan.Zero;

    /// <summary>True when the work finishes as soon as it starts (no duration, no polls).</summary>
    public bool FinishesAtOnce => !IsTimed && polls <= 0;

    public bool IsDue(IPendingWork work, DateTimeOffset now) => IsTimed && now - work.StartedAt >= duration;

    /// <summary>Counts a client's read and says whether the work is finished as of this read.</summary>
    public bool Poll(IPendingWork work, DateTimeOffset now)
    {
        if (IsTimed)
        {
            return IsDue(work, now);
        }

        work.Polls++;
        return work.Polls >= polls;
    }
}
