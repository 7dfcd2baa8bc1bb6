namespace EFCore.DigitalOcean.Testing;

/// <summary>
/// A snapshot of a block storage volume as the fake stores it, mirroring the API's snapshot object
/// with <c>resource_type</c> <c>volume</c>. Volume snapshots appear only in <c>/v2/snapshots</c>, never
/// among the images. The fake never hands out its own instances: every one read from or given to
/// <see cref="DigitalOceanFake"/> is a copy.
/// </summary>
public sealed class FakeVolumeSnapshot
{
    /// <summary><c>id</c>, a UUID such as <c>fbe805e8-866b-11e6-96bf-000f53315a41</c>. Empty when given to <see cref="DigitalOceanFake.AddVolumeSnapshot"/> means "assign one".</summary>
    public string Id { get; set; } = "";

    /// <summary><c>name</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>created_at</c>; written in UTC with second precision.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><c>regions</c>, region slugs such as <c>nyc1</c>.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary><c>resource_id</c>: the UUID of the volume the snapshot was taken from.</summary>
    public string? VolumeId { get; set; }

    /// <summary><c>min_disk_size</c> in GB.</summary>
    public int? MinDiskSize { get; set; }

    /// <summary><c>size_gigabytes</c>, the billable size.</summary>
    public double? SizeGigabytes { get; set; }

    /// <summary><c>tags</c> (nullable in the API).</summary>
    public List<string>? Tags { get; set; } = [];

    /// <summary>A deep copy (the lists are copied too).</summary>
    public FakeVolumeSnapshot Clone() => new()
    {
        Id = Id,
        Name = Name,
        CreatedAt = CreatedAt,
        Regions = [.. Regions],
        VolumeId = VolumeId,
        MinDiskSize = MinDiskSize,
        SizeGigabytes = SizeGigabytes,
        Tags = Tags is null ? null : [.. Tags],
    };

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} (volume {VolumeId})";
}
