namespace EFCore.DigitalOcean;

/// <summary>A DigitalOcean region (<c>/v2/regions</c>): read-only, keyed by its slug.</summary>
public class Region
{
    /// <summary>The region's slug, such as <c>nyc3</c>: its key.</summary>
    public string Slug { get; set; } = "";

    /// <summary>The display name, such as <c>New York 3</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Whether new Droplets can be created in this region.</summary>
    public bool Available { get; set; }

    /// <summary>What the region offers; <c>image_transfer</c> means an image can be transferred to it.</summary>
    public IReadOnlyList<string> Features { get; set; } = [];

    /// <summary>The slugs of the Droplet sizes available in this region.</summary>
    public IReadOnlyList<string> Sizes { get; set; } = [];
}
