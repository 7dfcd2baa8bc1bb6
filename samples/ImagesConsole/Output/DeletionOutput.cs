namespace ImagesConsole.Output;

/// <summary>What <c>delete --json</c> writes.</summary>
internal sealed record DeletionOutput(IReadOnlyList<long> Deleted, IReadOnlyList<FailureOutput> Failed);

/// <summary>What <c>cleanup --json</c> writes: the images that matched, and what became of them.</summary>
internal sealed record CleanupOutput(
    bool DryRun,
    IReadOnlyList<ImageOutput> Candidates,
    IReadOnlyList<long> Deleted,
    IReadOnlyList<FailureOutput> Failed);

/// <summary>An image that could not be deleted, and the API's reason.</summary>
internal sealed record FailureOutput(long Id, string Error);
