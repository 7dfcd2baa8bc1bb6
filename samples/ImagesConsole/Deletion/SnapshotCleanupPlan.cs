using EFCore.DigitalOcean;

namespace ImagesConsole.Deletion;

/// <summary>
///     What <c>cleanup --per-source</c> does with the snapshots it listed (newest first): per source (a Droplet or a volume) the
///     newest N are kept and the older of the rest are the candidates; a snapshot whose source the API does not say is skipped,
///     because keeping "the newest of its source" means nothing for it.
/// </summary>
internal sealed record SnapshotCleanupPlan(
    IReadOnlyList<Snapshot> Candidates,
    IReadOnlyList<SnapshotSource> Sources,
    IReadOnlyList<Snapshot> Skipped)
{
    /// <param name="newestFirst">The snapshots, newest first.</param>
    /// <param name="cutoff">Only snapshots created before this are deleted; <see langword="null" /> for any age.</param>
    /// <param name="keepNewest">How many of each source's newest snapshots to keep.</param>
    public static SnapshotCleanupPlan Make(IReadOnlyList<Snapshot> newestFirst, DateTimeOffset? cutoff, int keepNewest)
    {
        var sources = newestFirst
            .Where(s => !string.IsNullOrEmpty(s.ResourceId))
            .GroupBy(s => (Type: s.ResourceType ?? "", Id: s.ResourceId!))
            .Select(g => new SnapshotSource(g.Key.Type, g.Key.Id, [.. g.Take(keepNewest)], [.. g.Skip(keepNewest)]))
            .ToList();
        return new SnapshotCleanupPlan(
            [.. newestFirst.Where(s => sources.Any(source => source.Older.Contains(s)) && (cutoff is null || s.CreatedAt < cutoff))],
            sources,
            [.. newestFirst.Where(s => string.IsNullOrEmpty(s.ResourceId))]);
    }

    public IReadOnlyList<Snapshot> Kept => [.. Sources.SelectMany(source => source.Kept)];
}

/// <summary>A Droplet or volume, the snapshots of it that are kept, and the older ones.</summary>
internal sealed record SnapshotSource(string Type, string Id, IReadOnlyList<Snapshot> Kept, IReadOnlyList<Snapshot> Older);
