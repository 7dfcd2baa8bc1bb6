using System.Net;
using EFCore.DigitalOcean.Query;

namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>
///     The resources this provider maps, as data. A new resource is one more entry here, its entity class and its part of the
///     fake; nothing else in the provider names a resource.
/// </summary>
internal static class ApiResources
{
    public static readonly ApiResource Images = new()
    {
        ClrType = typeof(Image),
        CollectionPath = "v2/images",
        CollectionKey = "images",
        ItemKey = "image",
        KeyProperty = nameof(Image.Id),
        AlternateKeyProperty = nameof(Image.Slug),
        DisplayProperty = nameof(Image.Name),
        Capabilities = ApiCapabilities.List | ApiCapabilities.GetByKey | ApiCapabilities.Create | ApiCapabilities.Update
            | ApiCapabilities.Delete,
        Scopes = [ListScope.PrivateOnly, ListScope.Distributions, ListScope.Applications],
        Filters = [new ApiFilter("tag_name", nameof(Image.Tags), ApiFilterOperator.Contains)],
        CreateRequired = [nameof(Image.Name), nameof(Image.Url), nameof(Image.Region)],
        CreateOptional = [nameof(Image.Distribution), nameof(Image.Description), nameof(Image.Tags)],
        Updatable = [nameof(Image.Name), nameof(Image.Distribution), nameof(Image.Description)],
        ListActions =
        [
            new ApiListAdditionAction(
                nameof(Image.Regions), ImageActionTypes.Transfer, "region", nameof(Image.Type), ImageTypes.Backup),
        ],
        TransitionActions = [new ApiTransitionAction(nameof(Image.Type), ImageTypes.Backup, ImageTypes.Snapshot, ImageActionTypes.Convert)],
        Membership = new ApiMembership(nameof(Image.Tags), "v2/tags", "image", MaxNameLength: 255),
        WriteOnly = [nameof(Image.Url), nameof(Image.Region)],
        CreateEchoes = new Dictionary<string, string> { [nameof(Image.Region)] = nameof(Image.Regions) },
        CreatedAtProperty = nameof(Image.CreatedAt),
    };

    public static readonly ApiResource Snapshots = new()
    {
        ClrType = typeof(Snapshot),
        CollectionPath = "v2/snapshots",
        CollectionKey = "snapshots",
        ItemKey = "snapshot",
        KeyProperty = nameof(Snapshot.Id),
        DisplayProperty = nameof(Snapshot.Name),
        Capabilities = ApiCapabilities.List | ApiCapabilities.GetByKey | ApiCapabilities.Delete,
        Filters =
        [
            new ApiFilter(
                "resource_type", nameof(Snapshot.ResourceType), ApiFilterOperator.Equal,
                [SnapshotResourceTypes.Droplet, SnapshotResourceTypes.Volume]),
        ],

        // The single-item path answers 400 "the resource is not a snapshot" for the id of an image that is not one.
        PointReadMisses = [HttpStatusCode.NotFound, HttpStatusCode.BadRequest],
    };

    public static readonly ApiResource Regions = new()
    {
        ClrType = typeof(Region),
        CollectionPath = "v2/regions",
        CollectionKey = "regions",
        ItemKey = "region",
        KeyProperty = nameof(Region.Slug),
        DisplayProperty = nameof(Region.Name),
        Capabilities = ApiCapabilities.List,

        // About fifteen regions: one page, so filtering them in memory is the right plan, not a warning.
        FullListing = FullListingPolicy.Silent,
    };

    public static readonly ApiResource ImageActions = new()
    {
        ClrType = typeof(ImageAction),
        CollectionPath = "v2/images/{0}/actions",
        ParentKeyProperty = nameof(ImageAction.ImageId),
        JsonNames = new Dictionary<string, string> { [nameof(ImageAction.ImageId)] = "resource_id" },
        CollectionKey = "actions",
        ItemKey = "action",
        KeyProperty = nameof(ImageAction.Id),
        DisplayProperty = nameof(ImageAction.Type),
        Capabilities = ApiCapabilities.List | ApiCapabilities.GetByKey,

        // One image's actions: a short history, read whole.
        FullListing = FullListingPolicy.Silent,
    };

    public static readonly IReadOnlyList<ApiResource> All = [Images, Snapshots, Regions, ImageActions];
}
