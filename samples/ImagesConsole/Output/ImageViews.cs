using System.Globalization;
using EFCore.DigitalOcean;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImagesConsole.Output;

/// <summary>How one image looks on a terminal. Every value is a <see cref="Text" />, never markup: names may contain brackets.</summary>
internal static class ImageViews
{
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
        Add(grid, "Size", new Text(ImageColumns.Size(image.SizeGigabytes)));
        Add(grid, "Description", new Text(image.Description ?? ""));
        Add(grid, "Tags", new Text(string.Join(", ", image.Tags)));
        Add(grid, "Status", new Text(image.Status ?? "", new Style(StatusColor(image.Status))));
        if (!string.IsNullOrEmpty(image.ErrorMessage))
        {
            Add(grid, "Error", new Text(image.ErrorMessage, new Style(Color.Red)));
        }

        return grid;
    }

    private static void Add(Grid grid, string field, IRenderable value) => grid.AddRow(new Text(field, new Style(decoration: Decoration.Bold)), value);

    private static string Id(Image image) => image.Id.ToString(CultureInfo.InvariantCulture);

    public static Color StatusColor(string? status) => status switch
    {
        ImageStatuses.Available => Color.Green,
        ImageStatuses.New or ImageStatuses.Pending => Color.Yellow,
        ImageStatuses.Deleted or ImageStatuses.Retired => Color.Red,
        _ => Color.Default,
    };
}
