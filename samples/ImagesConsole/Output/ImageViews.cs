using System.Globalization;
using EFCore.DigitalOcean;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImagesConsole.Output;

/// <summary>How images look on a terminal. Every value is a <see cref="Text" />, never markup: names may contain brackets.</summary>
internal static class ImageViews
{
    // Distribution images are in every region; beyond this many the cell says how many more.
    private const int RegionsShown = 3;

    public static Table List(IEnumerable<Image> images)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumns("ID", "Name", "Type", "Distribution", "Slug", "Regions", "Size", "Created", "Status");
        table.Columns[0].RightAligned();
        table.Columns[6].RightAligned();
        foreach (var image in images)
        {
            table.AddRow(
                new Text(Id(image)),
                new Text(image.Name),
                new Text(image.Type ?? ""),
                new Text(image.Distribution ?? ""),
                new Text(image.Slug ?? ""),
                new Text(Regions(image.Regions)),
                new Text(Size(image.SizeGigabytes)),
                new Text(image.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Status(image.Status));
        }

        return table;
    }

    public static Grid Details(Image image)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Add(grid, "ID", new Text(Id(image)));
        Add(grid, "Name", new Text(image.Name));
        Add(grid, "Type", new Text(image.Type ?? ""));
        Add(grid, "Distribution", new Text(image.Distribution ?? ""));
        Add(grid, "Slug", new Text(image.Slug ?? ""));
        Add(grid, "Public", new Text(image.Public ? "yes" : "no"));
        Add(grid, "Regions", new Text(string.Join(", ", image.Regions)));
        Add(grid, "Created", new Text(image.CreatedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)));
        Add(grid, "Min disk size", new Text(image.MinDiskSize is { } disk ? disk.ToString(CultureInfo.InvariantCulture) + " GB" : ""));
        Add(grid, "Size", new Text(Size(image.SizeGigabytes)));
        Add(grid, "Description", new Text(image.Description ?? ""));
        Add(grid, "Tags", new Text(string.Join(", ", image.Tags)));
        Add(grid, "Status", Status(image.Status));
        if (!string.IsNullOrEmpty(image.ErrorMessage))
        {
            Add(grid, "Error", new Text(image.ErrorMessage, new Style(Color.Red)));
        }

        return grid;
    }

    private static void Add(Grid grid, string field, IRenderable value) => grid.AddRow(new Text(field, new Style(decoration: Decoration.Bold)), value);

    private static string Id(Image image) => image.Id.ToString(CultureInfo.InvariantCulture);

    private static string Regions(IReadOnlyList<string> regions)
        => regions.Count <= RegionsShown
            ? string.Join(", ", regions)
            : string.Join(", ", regions.Take(RegionsShown)) + $" +{regions.Count - RegionsShown}";

    private static string Size(double? gigabytes)
        => gigabytes is { } size ? size.ToString("0.##", CultureInfo.InvariantCulture) + " GB" : "";

    private static Text Status(string? status) => new(
        status ?? "",
        new Style(status switch
        {
            ImageStatuses.Available => Color.Green,
            ImageStatuses.New or ImageStatuses.Pending => Color.Yellow,
            ImageStatuses.Deleted or ImageStatuses.Retired => Color.Red,
            _ => Color.Default,
        }));
}
