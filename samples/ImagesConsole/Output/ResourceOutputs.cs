using EFCore.DigitalOcean;

namespace ImagesConsole.Output;

/// <summary>A snapshot as <c>snapshots --json</c> writes it, under the API's names.</summary>
internal sealed record SnapshotOutput(
    string Id,
    string Name,
    string? ResourceType,
    string? ResourceId,
    IReadOnlyList<string> Regions,
    DateTimeOffset CreatedAt,
    int? MinDiskSize,
    double? SizeGigabytes,
    IReadOnlyList<string> Tags)
{
    public static SnapshotOutput From(Snapshot snapshot) => new(
        snapshot.Id, snapshot.Name, snapshot.ResourceType, snapshot.ResourceId, snapshot.Regions, snapshot.CreatedAt,
        snapshot.MinDiskSize, snapshot.SizeGigabytes, snapshot.Tags);
}

/// <summary>A region as <c>regions --json</c> writes it.</summary>
internal sealed record RegionOutput(string Slug, string Name, bool Available, IReadOnlyList<string> Features)
{
    public static RegionOutput From(Region region) => new(region.Slug, region.Name, region.Available, region.Features);
}

/// <summary>An image action as <c>actions --json</c> writes it.</summary>
internal sealed record ActionOutput(
    long Id, string Type, string Status, string? RegionSlug, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt)
{
    public static ActionOutput From(ImageAction action)
        => new(action.Id, action.Type, action.Status, action.RegionSlug, action.StartedAt, action.CompletedAt);
}

/// <summary>What <c>cleanup --per-source --json</c> writes: the snapshots that would go or went, and those kept.</summary>
internal sealed record SnapshotCleanupOutput(
    bool DryRun,
    IReadOnlyList<SnapshotOutput> Candidates,
    IReadOnlyList<string> Deleted,
    IReadOnlyList<string> Kept,
    IReadOnlyList<string> Skipped);
