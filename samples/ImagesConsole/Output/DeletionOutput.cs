namespace ImagesConsole.Output;

/// <summary>What <c>delete --json</c> writes.</summary>
internal sealed record DeletionOutput(IReadOnlyList<long> Deleted, IReadOnlyList<FailureOutput> Failed);

/// <summary>
///     What <c>cleanup --json</c> writes: the images that matched, what became of them, those kept by <c>--keep-newest</c> and
///     those skipped because they cannot be deleted.
/// </summary>
internal sealed record CleanupOutput(
    bool DryRun,
    IReadOnlyList<ImageOutput> Candidates,
    IReadOnlyList<long> Deleted,
    IReadOnlyList<FailureOutput> Failed,
    IReadOnlyList<long> Kept,
    IReadOnlyList<SkippedOutput> Skipped);

/// <summary>An image <c>cleanup</c> did not offer, and why.</summary>
internal sealed record SkippedOutput(long Id, string Reason);

/// <summary>An image that could not be deleted, and the API's reason.</summary>
internal sealed record FailureOutput(long Id, string Error);
