using System.Globalization;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// A snapshot as <c>/v2/snapshots</c> shows it, made from a Droplet snapshot image or a volume
/// snapshot: exactly the spec's fields (resources/snapshots/models/snapshots.yml). It holds its own
/// copies of the lists.
/// </summary>
internal sealed record SnapshotView(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Regions,
    int? MinDiskSize,
    double? SizeGigabytes,
    string? ResourceId,
    string ResourceType,
    IReadOnlyList<string>? Tags)
{
    public const string Droplet = "droplet";
    public const string Volume = "volume";

    /// <summary>The id is the image's, written as a string, as the API does for Droplet snapshots.</summary>
    public static SnapshotView FromImage(FakeImage image) => new(
        image.Id.ToString(CultureInfo.InvariantCulture),
        image.Name,
        image.CreatedAt,
        [.. image.Regions],
        image.MinDiskSize,
        image.SizeGigabytes,
        image.DropletId?.ToString(CultureInfo.InvariantCulture),
        Droplet,
        image.Tags is null ? null : [.. image.Tags]);

    public static SnapshotView FromVolume(FakeVolumeSnapshot snapshot) => new(
        snapshot.Id,
        snapshot.Name,
        snapshot.CreatedAt,
        [.. snapshot.Regions],
        snapshot.MinDiskSize,
        snapshot.SizeGigabytes,
        snapshot.VolumeId,
        Volume,
        snapshot.Tags is null ? null : [.. snapshot.Tags]);
}
