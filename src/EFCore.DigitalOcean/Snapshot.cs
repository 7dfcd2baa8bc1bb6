namespace EFCore.DigitalOcean;

/// <summary>
///     A snapshot of a Droplet or of a block storage volume (<c>/v2/snapshots</c>). The only place that says which Droplet or
///     volume a snapshot was taken from (<see cref="ResourceId" />), which per-Droplet retention needs.
/// </summary>
/// <remarks>
///     Snapshots are read and deleted; the API takes them through Droplet and volume actions, not by a create here. A Droplet
///     snapshot is also an image (<see cref="Image" /> with <c>Type</c> <c>snapshot</c>) with the same id, as a number.
/// </remarks>
public class Snapshot
{
    /// <summary>The id, always a string: a Droplet snapshot's id is a number in a string, a volume snapshot's a UUID.</summary>
    public string Id { get; set; } = "";

    /// <summary>The display name; not unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>When the snapshot was taken.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The region slugs where the snapshot is available.</summary>
    public IReadOnlyList<string> Regions { get; set; } = [];

    /// <summary>The id of the Droplet or volume it was taken from.</summary>
    public string? ResourceId { get; set; }

    /// <summary>What it was taken from (<see cref="SnapshotResourceTypes" />): <c>droplet</c> or <c>volume</c>.</summary>
    public string? ResourceType { get; set; }

    /// <summary>The minimum disk size in GB a Droplet or volume made from it needs.</summary>
    public int? MinDiskSize { get; set; }

    /// <summary>The size of the snapshot in GB.</summary>
    public double? SizeGigabytes { get; set; }

    /// <summary>The tags applied to the snapshot.</summary>
    public IReadOnlyList<string> Tags { get; set; } = [];
}
