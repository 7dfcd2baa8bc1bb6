using EFCore.DigitalOcean;

namespace ImagesConsole.Deletion;

/// <summary>
///     What a deletion did: the images now gone, those the API refused (with its reason), and, when it was cancelled, those whose
///     deletion was interrupted before the API confirmed it and those never started.
/// </summary>
internal sealed record DeletionReport(IReadOnlyList<Image> Deleted, IReadOnlyList<DeletionFailure> Failed)
{
    public static DeletionReport Empty { get; } = new([], []);

    public bool Cancelled { get; init; }

    public IReadOnlyList<Image> Interrupted { get; init; } = [];

    public IReadOnlyList<Image> NotStarted { get; init; } = [];
}

/// <summary>An image that is still there, and why.</summary>
internal sealed record DeletionFailure(Image Image, string Error);
