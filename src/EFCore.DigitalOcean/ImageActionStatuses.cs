namespace EFCore.DigitalOcean;

/// <summary>The values of <see cref="ImageAction.Status" />.</summary>
public static class ImageActionStatuses
{
    /// <summary>Still running.</summary>
    public const string InProgress = "in-progress";

    /// <summary>Done.</summary>
    public const string Completed = "completed";

    /// <summary>Failed; the image is as it was before the action.</summary>
    public const string Errored = "errored";
}
