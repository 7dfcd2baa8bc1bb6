using System.Globalization;
using EFCore.DigitalOcean;
using Spectre.Console;

namespace ImagesConsole.Output;

/// <summary>
///     The columns an image table can show. Priorities decide what a narrow terminal drops first: the slug, then the
///     distribution, the size, the regions and the type; the id, the name (at least 24 characters of it), the date and the
///     status stay.
/// </summary>
internal static class ImageColumns
{
    // Distribution images are in every region; beyond this many the cell says how many more.
    private const int RegionsShown = 3;

    public static IReadOnlyList<TableColumn<Image>> All { get; } =
    [
        new("ID", image => image.Id.ToString(CultureInfo.InvariantCulture)) { Priority = 0, RightAligned = true },
        new("Name", image => image.Name) { Priority = 1, Truncatable = true, Narrowest = 24 },
        new("Type", image => image.Type ?? "") { Priority = 4 },
        new("Distribution", image => image.Distribution ?? "") { Priority = 7, Truncatable = true },
        new("Slug", image => image.Slug ?? "") { Priority = 8, Truncatable = true },
        new("Public", image => image.Public ? "yes" : "no") { Priority = 9, ShownByDefault = false },
        new("Regions", image => Regions(image.Regions)) { Priority = 5, Truncatable = true },
        new("Size", image => Size(image.SizeGigabytes)) { Priority = 6, RightAligned = true },
        new("Created", image => image.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { Priority = 2 },
        new("Status", image => image.Status ?? "") { Priority = 3, Style = image => new Style(ImageViews.StatusColor(image.Status)) },
        new("Tags", image => string.Join(",", image.Tags)) { Priority = 10, Truncatable = true, ShownByDefault = false },
    ];

    public static string Regions(IReadOnlyList<string> regions)
        => regions.Count <= RegionsShown
            ? string.Join(", ", regions)
            : string.Join(", ", regions.Take(RegionsShown)) + $" +{regions.Count - RegionsShown}";

    public static string Size(double? gigabytes)
        => gigabytes is { } size ? size.ToString("0.##", CultureInfo.InvariantCulture) + " GB" : "";
}
