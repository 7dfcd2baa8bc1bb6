namespace EFCore.DigitalOcean;

/// <summary>The values of <see cref="Snapshot.ResourceType" />: what a snapshot was taken from.</summary>
public static class SnapshotResourceTypes
{
    /// <summary>A snapshot of a Droplet; it is also one of your images, with the same id.</summary>
    public const string Droplet = "droplet";

    /// <summary>A snapshot of a block storage volume; its id is a UUID.</summary>
    public const string Volume = "volume";
}
