namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Work in progress that a <see cref="CompletionPolicy"/> decides the end of.</summary>
internal interface IPendingWork
{
    DateTimeOffset StartedAt { get; }

    /// <summary>How many client reads have shown the work so far.</summary>
    int Polls { get; set; }
}
