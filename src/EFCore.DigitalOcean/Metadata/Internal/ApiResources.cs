using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>The resources this provider maps. Images is the first; each new resource is one more entry here.</summary>
internal static class ApiResources
{
    public static readonly ApiResource Images = new()
    {
        ClrType = typeof(Image),
        CollectionPath = "v2/images",
        CollectionKey = "images",
        ItemKey = "image",
        TagFilter = ("tag_name", nameof(Image.Tags)),
        KeyProperty = nameof(Image.Id),
        AlternateKeyProperty = nameof(Image.Slug),
        DisplayProperty = nameof(Image.Name),
        CreateRequired = [nameof(Image.Name), nameof(Image.Url), nameof(Image.Region)],
        CreateOptional = [nameof(Image.Distribution), nameof(Image.Description), nameof(Image.Tags)],
        Updatable = [nameof(Image.Name), nameof(Image.Distribution), nameof(Image.Description)],
        WriteOnly = [nameof(Image.Url), nameof(Image.Region)],
        CreateEchoes = new Dictionary<string, string> { [nameof(Image.Region)] = nameof(Image.Regions) },
        CreatedAtProperty = nameof(Image.CreatedAt),
    };

    private static readonly ApiResource[] All = [Images];

    public static ApiResource? Find(Type clrType) => Array.Find(All, r => r.ClrType == clrType);

    public static ApiResource Get(IReadOnlyEntityType entityType)
        => Find(entityType.ClrType) ?? throw new InvalidOperationException(DigitalOceanStrings.UnmappedEntityType(entityType.DisplayName()));
}
