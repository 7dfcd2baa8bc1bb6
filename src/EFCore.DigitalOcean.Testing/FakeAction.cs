namespace EFCore.DigitalOcean.Testing;

/// <summary>
/// An image action (<c>transfer</c> or <c>convert</c>) as the fake stores it, mirroring the API's action
/// object. <see cref="DigitalOceanFake.Actions"/> hands out copies.
/// </summary>
public sealed class FakeAction
{
    /// <summary><c>id</c>, unique across the account (not an image id).</summary>
    public long Id { get; set; }

    /// <summary><c>resource_id</c>: the image the action works on.</summary>
    public long ImageId { get; set; }

    /// <summary><c>type</c>: <c>transfer</c> or <c>convert</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary><c>status</c>: <c>in-progress</c>, <c>completed</c> or <c>errored</c>.</summary>
    public string Status { get; set; } = "in-progress";

    /// <summary><c>started_at</c>; written in UTC with second precision.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary><c>completed_at</c>: when the action completed or errored; <see langword="null"/> while in progress.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// <c>region_slug</c>: the target region of a transfer; for a convert, the image's first region
    /// (<see langword="null"/> when it has none).
    /// </summary>
    public string? RegionSlug { get; set; }

    /// <summary>A copy.</summary>
    public FakeAction Clone() => (FakeAction)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => $"#{Id} {Type} of image {ImageId} ({Status})";
}
