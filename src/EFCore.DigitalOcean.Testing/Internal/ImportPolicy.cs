namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// When a custom-image import finishes: after a span of time on the fake's clock, or else after a
/// number of polls (GETs by id). Either way the states are NEW, then pending, then available (or
/// deleted when the import fails).
/// </summary>
internal sealed class ImportPolicy(TimeSpan duration, int polls)
{
    public const string FailureMarker = "import-fails";

    public const string FailureMessage =
        "We had a problem decompressing your file. Please make sure the file is a supported image format.";

    public bool IsTimed => duration > TimeSpan.Zero;

    /// <summary>True when imports finish as soon as they are created (no duration, no polls).</summary>
    public bool FinishesAtOnce => !IsTimed && polls <= 0;

    public bool IsDue(PendingImport import, DateTimeOffset now) => IsTimed && now - import.StartedAt >= duration;

    /// <summary>Counts a GET by id and says whether the import is finished as of this GET.</summary>
    public bool Poll(PendingImport import, DateTimeOffset now)
    {
        if (IsTimed)
        {
            return IsDue(import, now);
        }

        import.Polls++;
        return import.Polls >= polls;
    }

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
