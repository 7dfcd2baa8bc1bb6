namespace EFCore.DigitalOcean;

/// <summary>The values of <see cref="ImageAction.Type" />.</summary>
public static class ImageActionTypes
{
    /// <summary>Copies the image to another region.</summary>
    public const string Transfer = "transfer";

    /// <summary>Turns a backup into a snapshot, which is kept when the Droplet's backups are purged.</summary>
    public const string Convert = "convert";
}
