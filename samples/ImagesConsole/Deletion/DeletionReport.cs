using EFCore.DigitalOcean;

namespace ImagesConsole.Deletion;

/// <summary>What a deletion did: the images now gone and those the API refused, with its reason.</summary>
internal sealed record DeletionReport(IReadOnlyList<Image> Deleted, IReadOnlyList<DeletionFailure> Failed);

/// <summary>An image that is still there, and why.</summary>
internal sealed record DeletionFailure(Image Image, string Error);
