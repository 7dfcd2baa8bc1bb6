using EFCore.DigitalOcean;

namespace ImagesConsole.Output;

/// <summary>The columns a region table can show; the features list is long, so it is shown only when asked for.</summary>
internal static class RegionColumns
{
    /// <summary>The feature a region needs to receive an image (<c>transfer --region</c>).</summary>
    public const string ImageTransfer = "image_transfer";

    public static IReadOnlyList<TableColumn<Region>> All { get; } =
    [
        new("Slug", region => region.Slug) { Priority = 0 },
        new("Name", region => region.Name) { Priority = 2, Truncatable = true },
        new("Available", region => region.Available ? "yes" : "no") { Priority = 1 },
        new("Image transfer", region => region.Features.Contains(ImageTransfer) ? "yes" : "no") { Priority = 1 },
        new("Features", region => string.Join(",", region.Features)) { Priority = 3, Truncatable = true, ShownByDefault = false },
    ];
}
