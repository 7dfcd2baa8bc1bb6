using System.Globalization;
using EFCore.DigitalOcean;

namespace ImagesConsole.Output;

/// <summary>The columns a snapshot table can show: the id and the source stay longest, the regions and the size go first.</summary>
internal static class SnapshotColumns
{
    public static IReadOnlyList<TableColumn<Snapshot>> All { get; } =
    [
        new("ID", snapshot => snapshot.Id) { Priority = 0 },
        new("Name", snapshot => snapshot.Name) { Priority = 1, Truncatable = true, Narrowest = 24 },
        new("Source", snapshot => snapshot.ResourceType ?? "") { Priority = 3 },
        new("Source ID", snapshot => snapshot.ResourceId ?? "") { Priority = 4 },
        new("Regions", snapshot => ImageColumns.Regions(snapshot.Regions)) { Priority = 6, Truncatable = true },
        new("Size", snapshot => ImageColumns.Size(snapshot.SizeGigabytes)) { Priority = 5, RightAligned = true },
        new("Created", snapshot => snapshot.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { Priority = 2 },
        new("Tags", snapshot => string.Join(",", snapshot.Tags)) { Priority = 7, Truncatable = true, ShownByDefault = false },
    ];
}
