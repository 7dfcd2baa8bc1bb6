namespace EFCore.DigitalOcean.Benchmarks.Baseline;

/// <summary>The API's image object as a hand-written client would declare it: every field the provider's <see cref="Image" /> reads.</summary>
public sealed class ImageDto
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Type { get; set; }
    public string? Distribution { get; set; }
    public string? Slug { get; set; }
    public bool Public { get; set; }
    public List<string> Regions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public int? MinDiskSize { get; set; }
    public double? SizeGigabytes { get; set; }
    public string? Description { get; set; }
    public List<string>? Tags { get; set; }
    public string? Status { get; set; }
    public string? ErrorMessage { get; set; }
}

/// <summary><c>{"images":[...],"links":{...},"meta":{"total":N}}</c>; links are not needed to page by number.</summary>
public sealed class ImagePageDto
{
    public List<ImageDto> Images { get; set; } = [];
    public PageMetaDto Meta { get; set; } = new();
}

public sealed class PageMetaDto
{
    public long Total { get; set; }
}

/// <summary><c>{"image":{...}}</c>.</summary>
public sealed class ImageEnvelopeDto
{
    public ImageDto? Image { get; set; }
}
