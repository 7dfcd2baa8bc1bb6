namespace EFCore.DigitalOcean;

/// <summary>
///     An action on an image (<c>/v2/images/{id}/actions</c>): a transfer to another region or a conversion of a backup into a
///     snapshot. Read-only; a query must say which image's actions it reads (<c>Where(a =&gt; a.ImageId == id)</c>).
/// </summary>
public class ImageAction
{
    /// <summary>The action's id.</summary>
    public long Id { get; set; }

    /// <summary>The image it acts on (the API's <c>resource_id</c>).</summary>
    public long ImageId { get; set; }

    /// <summary>What it does (<see cref="ImageActionTypes" />): <c>transfer</c> or <c>convert</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Where it stands (<see cref="ImageActionStatuses" />): <c>in-progress</c>, <c>completed</c> or <c>errored</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it completed; <see langword="null" /> while it is in progress.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The region it happens in: for a transfer, the region the image is copied to.</summary>
    public string? RegionSlug { get; set; }
}
