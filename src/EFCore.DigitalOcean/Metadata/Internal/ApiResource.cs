using System.Text.Json;

namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>
///     Everything the provider must know about one DigitalOcean REST resource: where it lives, how its envelopes are keyed,
///     which list filters it has and which fields a write may carry. Query and update code read these facts instead of
///     hard-coding them, so a second resource is a second instance, not a rewrite.
/// </summary>
internal sealed class ApiResource
{
    /// <summary>The entity class this resource materializes.</summary>
    public required Type ClrType { get; init; }

    /// <summary>The collection path relative to the API base, such as <c>v2/images</c>.</summary>
    public required string CollectionPath { get; init; }

    /// <summary>The key of the item array in a list response, such as <c>images</c>.</summary>
    public required string CollectionKey { get; init; }

    /// <summary>The key of the single item in get, create and update responses, such as <c>image</c>.</summary>
    public required string ItemKey { get; init; }

    /// <summary>The list query parameter that filters by one tag, and the collection property it tests.</summary>
    public required (string Parameter, string Property) TagFilter { get; init; }

    /// <summary>The integer key that addresses one item: <c>GET {path}/{id}</c>.</summary>
    public required string KeyProperty { get; init; }

    /// <summary>A string property that also addresses one item in the same path segment as the key (a public image's slug).</summary>
    public string? AlternateKeyProperty { get; init; }

    /// <summary>The property that names an item in messages, for items that have no id yet.</summary>
    public required string DisplayProperty { get; init; }

    /// <summary>Properties that a create must carry.</summary>
    public required IReadOnlyList<string> CreateRequired { get; init; }

    /// <summary>Properties that a create carries when they are set.</summary>
    public required IReadOnlyList<string> CreateOptional { get; init; }

    /// <summary>The only properties an update may change.</summary>
    public required IReadOnlyList<string> Updatable { get; init; }

    /// <summary>Properties that exist only in create requests; responses never contain them.</summary>
    public required IReadOnlyList<string> WriteOnly { get; init; }

    /// <summary>
    ///     Write-only create properties that the item reads back under another name (an image's <c>Region</c> is one of its
    ///     <c>Regions</c>), so that a create whose answer was lost can be recognized in a listing.
    /// </summary>
    public IReadOnlyDictionary<string, string> CreateEchoes { get; init; } = new Dictionary<string, string>();

    /// <summary>The property that says when the server created the item; null when the resource has none.</summary>
    public string? CreatedAtProperty { get; init; }

    /// <summary>The JSON name of a property: the API uses the snake_case form of each CLR name.</summary>
    public static string JsonName(string propertyName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyName);
}
