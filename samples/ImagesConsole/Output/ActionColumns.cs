using System.Globalization;
using EFCore.DigitalOcean;

namespace ImagesConsole.Output;

/// <summary>The columns of an image's action history (<c>actions</c>).</summary>
internal static class ActionColumns
{
    public static IReadOnlyList<TableColumn<ImageAction>> All { get; } =
    [
        new("ID", action => action.Id.ToString(CultureInfo.InvariantCulture)) { Priority = 0, RightAligned = true },
        new("Type", action => action.Type) { Priority = 1 },
        new("Region", action => action.RegionSlug ?? "") { Priority = 2 },
        new("Status", action => action.Status) { Priority = 1 },
        new("Started", action => Time(action.StartedAt)) { Priority = 3 },
        new("Completed", action => Time(action.CompletedAt)) { Priority = 4 },
    ];

    private static string Time(DateTimeOffset? time)
        => time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
}
