namespace EFCore.DigitalOcean.Testing;

/// <summary>
/// Which list filter of <c>GET /v2/images</c> returns an image. This is not the image's
/// <c>type</c> attribute: the API's <c>type</c> query parameter and the <c>type</c> field are unrelated.
/// </summary>
public enum ImageCategory
{
    /// <summary>A public operating-system image, returned by <c>type=distribution</c>.</summary>
    Distribution,

    /// <summary>A 1-Click application image, returned by <c>type=application</c>.</summary>
    Application,

    /// <summary>One of the account's own snapshots, backups or custom images, returned by <c>private=true</c>.</summary>
    User,
}
