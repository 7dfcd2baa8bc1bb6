namespace EFCore.DigitalOcean.Testing;

/// <summary>
/// A mutable image as the fake stores it, mirroring the API's image object. The fake never hands out
/// its own instances: every image read from or given to <see cref="DigitalOceanFake"/> is a copy.
/// </summary>
/// <remarks>
/// The defaults describe one of the account's own images (<see cref="Category"/> is
/// <see cref="ImageCategory.User"/>, not public, no slug, available), because that is what a test
/// usually means by <c>new FakeImage { Name = "..." }</c>.
/// </remarks>
public sealed class FakeImage
{
    /// <summary><c>id</c>. Zero when given to <see cref="DigitalOceanFake.AddImage"/> means "assign one".</summary>
    public long Id { get; set; }

    /// <summary><c>name</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>type</c>: base, snapshot, backup, custom or admin.</summary>
    public string? Type { get; set; }

    /// <summary><c>distribution</c>, for example <c>Ubuntu</c> or <c>Unknown</c>.</summary>
    public string? Distribution { get; set; }

    /// <summary><c>slug</c>; only public images have one.</summary>
    public string? Slug { get; set; }

    /// <summary><c>public</c>.</summary>
    public bool Public { get; set; }

    /// <summary><c>regions</c>, region slugs such as <c>nyc3</c>.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary><c>created_at</c>; written in UTC with second precision.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><c>min_disk_size</c> in GB (nullable in the API).</summary>
    public int? MinDiskSize { get; set; }

    /// <summary><c>size_gigabytes</c> (nullable in the API).</summary>
    public double? SizeGigabytes { get; set; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; set; }

    /// <summary><c>tags</c> (nullable in the API).</summary>
    public List<string>? Tags { get; set; } = [];

    /// <summary><c>status</c>: NEW, available, pending, deleted or retired.</summary>
    public string? Status { get; set; } = "available";

    /// <summary><c>error_message</c>; empty unless an import failed.</summary>
    public string? ErrorMessage { get; set; } = "";

    /// <summary>
    /// The Droplet a snapshot was taken from: the <c>resource_id</c> (as a string) of the image in
    /// <c>/v2/snapshots</c>, where only the account's own images of type <c>snapshot</c> appear.
    /// <see langword="null"/> writes <c>"resource_id":null</c>. Not part of the image JSON.
    /// </summary>
    public long? DropletId { get; set; }

    /// <summary>Which list filter returns the image. Not part of the JSON.</summary>
    public ImageCategory Category { get; set; } = ImageCategory.User;

    /// <summary>A deep copy (the lists are copied too).</summary>
    public FakeImage Clone() => new()
    {
        Id = Id,
        Name = Name,
        Type = Type,
        Distribution = Distribution,
        Slug = Slug,
        Public = Public,
        Regions = [.. Regions],
        CreatedAt = CreatedAt,
        MinDiskSize = MinDiskSize,
        SizeGigabytes = SizeGigabytes,
        Description = Description,
        Tags = Tags is null ? null : [.. Tags],
        Status = Status,
        ErrorMessage = ErrorMessage,
        DropletId = DropletId,
        Category = Category,
    };

    /// <inheritdoc />
    public override string ToString() => $"#{Id} {Name} ({Category}, {Status})";
}
