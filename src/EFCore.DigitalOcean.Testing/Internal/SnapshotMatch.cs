namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>What an image id names when it is used as a snapshot id.</summary>
internal enum SnapshotMatch
{
    /// <summary>No image of the account's own.</summary>
    None,

    /// <summary>One of the account's own images that is not a snapshot (a backup or a custom image): the API's 400.</summary>
    NotASnapshot,

    /// <summary>A Droplet snapshot.</summary>
    Snapshot,
}
