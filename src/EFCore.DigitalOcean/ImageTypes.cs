namespace EFCore.DigitalOcean;

/// <summary>The known values of <see cref="Image.Type" />.</summary>
public static class ImageTypes
{
    /// <summary>A DigitalOcean base OS image.</summary>
    public const string Base = "base";

    /// <summary>A snapshot; DigitalOcean-produced distribution images carry it too.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>An automatic Droplet backup.</summary>
    public const string Backup = "backup";

    /// <summary>An image imported from a URL.</summary>
    public const string Custom = "custom";

    /// <summary>An administrative image.</summary>
    public const string Admin = "admin";
}
