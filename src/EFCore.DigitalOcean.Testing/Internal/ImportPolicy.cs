namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// How a custom-image import ends, once its <see cref="CompletionPolicy"/> says it has: the states are
/// NEW, then pending, then available (or deleted when the import fails).
/// </summary>
internal static class ImportPolicy
{
    public const string FailureMarker = "import-fails";

    public const string FailureMessage =
        "We had a problem decompressing your file. Please make sure the file is a supported image format.";

    public static void Finish(FakeImage image, PendingImport import)
    {
        if (import.Fails)
        {
            image.Status = "deleted";
            image.ErrorMessage = FailureMessage;
            return;
        }

        // Deterministic "measurements" of the imported file, so runs are repeatable.
        var size = Math.Round(0.8 + (image.Id % 37) * 0.11, 2);
        image.Status = "available";
        image.ErrorMessage = "";
        image.Regions = [import.Region];
        image.SizeGigabytes = size;
        image.MinDiskSize = size < 2.5 ? 10 : 20;
    }
}
