namespace EFCore.DigitalOcean;

/// <summary>
///     The image no longer exists: the API answered 404 for it while <c>WaitUntilAvailableAsync</c> waited (someone deleted
///     it). The entity has been detached.
/// </summary>
public class DigitalOceanImageNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception for image <paramref name="imageId" />.</summary>
    public DigitalOceanImageNotFoundException(long imageId)
        : base(DigitalOceanStrings.ImageVanished(imageId))
        => ImageId = imageId;

    /// <summary>The id of the image that is gone.</summary>
    public long ImageId { get; }
}
