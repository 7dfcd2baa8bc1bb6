using System.Globalization;
using System.Net;
using System.Text.Json;
using EFCore.DigitalOcean.Query;

namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>
///     Everything the provider must know about one DigitalOcean REST resource: where it lives, how its envelopes are keyed,
///     its key, the list filters it has, what the API lets a client do with it and which fields a write may carry. Query
///     translation, the client and the update pipeline read these facts and never name a resource, so a new resource is a new
///     entry in <see cref="ApiResources" />, not new code.
/// </summary>
internal sealed class ApiResource
{
    /// <summary>The entity class this resource materializes.</summary>
    public required Type ClrType { get; init; }

    /// <summary>
    ///     The collection path relative to the API base, such as <c>v2/images</c>; for a resource that lives under a parent
    ///     item, with <c>{0}</c> where the parent's key goes (<c>v2/images/{0}/actions</c>).
    /// </summary>
    public required string CollectionPath { get; init; }

    /// <summary>
    ///     The property holding the parent item's key, for a resource listed per parent (an image's actions): every query
    ///     must give it (<c>Where(a =&gt; a.ImageId == id)</c>), as Cosmos requires a partition key.
    /// </summary>
    public string? ParentKeyProperty { get; init; }

    /// <summary>JSON names that are not the snake_case form of the property's name (an action's image is <c>resource_id</c>).</summary>
    public IReadOnlyDictionary<string, string> JsonNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The key of the item array in a list response, such as <c>images</c>.</summary>
    public required string CollectionKey { get; init; }

    /// <summary>The key of the single item in get, create and update responses, such as <c>image</c>.</summary>
    public required string ItemKey { get; init; }

    /// <summary>The key that addresses one item, <c>GET {path}/{key}</c>: a number or a string.</summary>
    public required string KeyProperty { get; init; }

    /// <summary>A string property that also addresses one item in the same path segment as the key (a public image's slug).</summary>
    public string? AlternateKeyProperty { get; init; }

    /// <summary>The property that names an item in messages, for items that have no key yet.</summary>
    public required string DisplayProperty { get; init; }

    public required ApiCapabilities Capabilities { get; init; }

    /// <summary>The catalogues a listing can be limited to by a query operator (images' <c>PrivateOnly()</c>…).</summary>
    public IReadOnlyList<ListScope> Scopes { get; init; } = [];

    /// <summary>The list filters the API takes.</summary>
    public IReadOnlyList<ApiFilter> Filters { get; init; } = [];

    /// <summary>
    ///     Whether the API promises that its list filters (and catalogue scopes) combine in one request. When it does not, a
    ///     request carries one of them and the other conditions run in memory.
    /// </summary>
    public bool FiltersCombine { get; init; }

    /// <summary>The statuses that mean "no such item" for <c>GET {path}/{key}</c>; the query then has no result.</summary>
    public IReadOnlyList<HttpStatusCode> PointReadMisses { get; init; } = [HttpStatusCode.NotFound];

    public FullListingPolicy FullListing { get; init; } = FullListingPolicy.Warn;

    /// <summary>Properties that a create must carry.</summary>
    public IReadOnlyList<string> CreateRequired { get; init; } = [];

    /// <summary>Properties that a create carries when they are set.</summary>
    public IReadOnlyList<string> CreateOptional { get; init; } = [];

    /// <summary>The only properties an update may change.</summary>
    public IReadOnlyList<string> Updatable { get; init; } = [];

    /// <summary>The path below an item where actions are started (<c>{item}/actions</c>), for a resource that has actions.</summary>
    public string ActionsPath { get; init; } = "actions";

    /// <summary>List properties that an update grows by one action per added value.</summary>
    public IReadOnlyList<ApiListAdditionAction> ListActions { get; init; } = [];

    /// <summary>Properties whose one allowed change is an action.</summary>
    public IReadOnlyList<ApiTransitionAction> TransitionActions { get; init; } = [];

    /// <summary>A list property written as memberships of another resource (tags).</summary>
    public ApiMembership? Membership { get; init; }

    /// <summary>Properties that exist only in create requests; responses never contain them.</summary>
    public IReadOnlyList<string> WriteOnly { get; init; } = [];

    /// <summary>The collection's name for telemetry and messages, such as <c>images</c>.</summary>
    public string Name => CollectionKey;

    public bool Can(ApiCapabilities capability) => (Capabilities & capability) == capability;

    /// <summary>Every property the description names; each must be mapped by the model.</summary>
    public IEnumerable<string> NamedProperties
        => new[] { KeyProperty, AlternateKeyProperty, DisplayProperty, ParentKeyProperty }.OfType<string>()
            .Concat(Filters.Select(f => f.Property))
            .Concat(CreateRequired)
            .Concat(CreateOptional)
            .Concat(Updatable)
            .Concat(ListActions.SelectMany(a => new[] { a.Property, a.RefusedWhenProperty }.OfType<string>()))
            .Concat(TransitionActions.Select(a => a.Property))
            .Concat(Membership is null ? [] : [Membership.Property])
            .Concat(WriteOnly)
            .Distinct();

    /// <summary>The collection's path; under the parent item <paramref name="parentSegment" /> for a resource that has one.</summary>
    public string PathFor(string? parentSegment)
        => ParentKeyProperty is null ? CollectionPath : string.Format(CultureInfo.InvariantCulture, CollectionPath, Uri.EscapeDataString(parentSegment!));

    /// <summary>The path of one item: its key (or alternate key), escaped as one path segment.</summary>
    public string ItemPath(string keySegment, string? parentSegment = null) => PathFor(parentSegment) + "/" + Uri.EscapeDataString(keySegment);

    /// <summary>The JSON name of one of this resource's properties.</summary>
    public string JsonNameOf(string propertyName) => JsonNames.TryGetValue(propertyName, out var name) ? name : JsonName(propertyName);

    /// <summary>A key value as the API writes it in a path: numbers in the invariant culture.</summary>
    public static string KeySegment(object key)
        => key is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : key.ToString() ?? "";

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
