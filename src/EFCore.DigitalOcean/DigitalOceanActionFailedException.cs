namespace EFCore.DigitalOcean;

/// <summary>An action on an image (a transfer, a convert) ended as <c>errored</c>; the image is as it was before it.</summary>
public sealed class DigitalOceanActionFailedException : Exception
{
    /// <summary>Creates the exception for one failed action.</summary>
    public DigitalOceanActionFailedException(long imageId, long actionId, string actionType, string? regionSlug, string status)
        : base(DigitalOceanStrings.ActionFailed(imageId, actionId, actionType, regionSlug, status))
    {
        ImageId = imageId;
        ActionId = actionId;
        ActionType = actionType;
        RegionSlug = regionSlug;
        Status = status;
    }

    /// <summary>The image the action was on.</summary>
    public long ImageId { get; }

    /// <summary>The action's id, for <c>db.Set&lt;ImageAction&gt;()</c>.</summary>
    public long ActionId { get; }

    /// <summary>What the action did (<see cref="ImageActionTypes" />).</summary>
    public string ActionType { get; }

    /// <summary>The region of a transfer.</summary>
    public string? RegionSlug { get; }

    /// <summary>The action's last status (<see cref="ImageActionStatuses" />).</summary>
    public string Status { get; }
}
