using EFCore.DigitalOcean;

namespace ImagesConsole.Deletion;

/// <summary>
///     What <c>cleanup</c> does with the images it listed (newest first): the newest N deletable ones are kept, the older of
///     the rest are the candidates, and the old ones the API would refuse to delete (a public image, one already deleted or
///     retired) are skipped with the reason.
/// </summary>
internal sealed record CleanupPlan(IReadOnlyList<Image> Candidates, IReadOnlyList<Image> Kept, IReadOnlyList<SkippedImage> Skipped)
{
    /// <param name="newestFirst">The images that match the type and tag, newest first.</param>
    /// <param name="cutoff">Only images created before this are deleted.</param>
    /// <param name="keepNewest">How many of the newest deletable images to keep, however old.</param>
    public static CleanupPlan Make(IReadOnlyList<Image> newestFirst, DateTimeOffset cutoff, int keepNewest)
    {
        var deletable = newestFirst.Where(image => WhyNotDeletable(image) is null).ToList();
        var skipped = newestFirst
            .Where(image => image.CreatedAt < cutoff)
            .Select(image => WhyNotDeletable(image) is { } reason ? new SkippedImage(image, reason) : null)
            .OfType<SkippedImage>()
            .ToList();
        return new CleanupPlan(
            [.. deletable.Skip(keepNewest).Where(image => image.CreatedAt < cutoff)], [.. deletable.Take(keepNewest)], skipped);
    }

    // The server's answer is evidence: a public image in the private listing is still not ours to delete.
    private static string? WhyNotDeletable(Image image)
        => image.Public ? "a public image"
            : image.Status is ImageStatuses.Deleted or ImageStatuses.Retired ? $"status {image.Status}"
            : null;
}

/// <summary>An image cleanup leaves alone because it cannot be deleted, and why.</summary>
internal sealed record SkippedImage(Image Image, string Reason);
