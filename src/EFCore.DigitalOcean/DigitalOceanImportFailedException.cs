namespace EFCore.DigitalOcean;

/// <summary>
///     The import of a custom image failed: the API set its status to <c>deleted</c> with an <c>error_message</c>. Thrown by
///     <c>WaitUntilAvailableAsync</c>.
/// </summary>
public class DigitalOceanImportFailedException : InvalidOperationException
{
    /// <summary>Creates the exception for image <paramref name="imageId" />.</summary>
    public DigitalOceanImportFailedException(long imageId, string imageName, string? errorMessage)
        : base(DigitalOceanStrings.ImportFailed(imageId, imageName, errorMessage))
    {
        ImageId = imageId;
        ErrorMessage = errorMessage;
    }

    /// <summary>The id of the image whose import failed.</summary>
    public long ImageId { get; }

    /// <summary>The API's <c>error_message</c>, such as why the image could not be downloaded.</summary>
    public string? ErrorMessage { get; }
}
