namespace EFCore.DigitalOcean.Testing;

/// <summary>A region as <c>GET /v2/regions</c> lists it. The fake copies the regions it is given.</summary>
public sealed class FakeRegion
{
    /// <summary><c>slug</c>, the region's identifier, e.g. <c>nyc3</c>.</summary>
    public string Slug { get; set; } = "";

    /// <summary><c>name</c>, the display name, e.g. <c>New York 3</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>available</c>: whether new Droplets can be created in the region.</summary>
    public bool Available { get; set; } = true;

    /// <summary><c>features</c>, e.g. <c>backups</c>, <c>storage</c>; <c>image_transfer</c> means the region can take an image transfer.</summary>
    public List<string> Features { get; set; } = [];

    /// <summary><c>sizes</c>, the slugs of the Droplet sizes available in the region.</summary>
    public List<string> Sizes { get; set; } = [];

    /// <summary>A deep copy (the lists are copied too).</summary>
    public FakeRegion Clone() => new()
    {
        Slug = Slug,
        Name = Name,
        Available = Available,
        Features = [.. Features],
        Sizes = [.. Sizes],
    };

    /// <inheritdoc />
    public override string ToString() => $"{Slug} {Name}" + (Available ? "" : " (unavailable)");
}
