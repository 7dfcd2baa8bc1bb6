using EFCore.DigitalOcean;

namespace ImagesConsole.Output;

/// <summary>An image as <c>--json</c> writes it: the API's fields under the API's names.</summary>
internal sealed record ImageOutput(
    long Id,
    string Name,
    string? Type,
    string? Distribution,
    string? Slug,
    bool Public,
    IReadOnlyList<string> Regions,
    DateTimeOffset CreatedAt,
    int? MinDiskSize,
    double? SizeGigabytes,
    string? Description,
    IReadOnlyList<string> Tags,
    string? Status,
    string? ErrorMessage)
{
    public static ImageOutput From(Image image) => new(
        image.Id, image.Name, image.Type, image.Distribution, image.Slug, image.Public, image.Regions, image.CreatedAt,
        image.MinDiskSize, image.SizeGigabytes, image.Description, image.Tags, image.Status, image.ErrorMessage);
}
