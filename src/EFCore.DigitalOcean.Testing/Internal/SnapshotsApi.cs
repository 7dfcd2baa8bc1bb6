namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// <c>/v2/snapshots</c>: list (optionally by <c>resource_type</c>), get and delete. Droplet snapshots are
/// the account's own images of type <c>snapshot</c>, shown with their image id as a string; volume
/// snapshots are a list of their own, with UUID ids.
/// </summary>
internal sealed class SnapshotsApi(ImageStore images, VolumeSnapshotStore volumes, ListPages pages) : IResourceApi
{
    public string Collection => "/v2/snapshots";

    public IReadOnlyList<string> CollectionMethods { get; } = ["GET"];

    public IReadOnlyList<string> ItemMethods { get; } = ["GET", "DELETE"];

    public ApiResponse Handle(ApiCall call, string? item) => (call.Method, item) switch
    {
        ("GET", null) => ApiResponse.Json(200, ListEnvelope(call)),
        ("GET", { } segment) => Get(call, segment),
        ("DELETE", { } segment) => Delete(call, segment),
        _ => throw new InvalidOperationException($"The router let {call.Method} {call.Path} through."),
    };

    public Envelope Preview(ApiCall call, string? item) => item is null
        ? ListEnvelope(call)
        : new SingleEnvelope<SnapshotView>(SnapshotJson.Instance, Find(item, call.Now).Snapshot ?? SnapshotJson.Instance.Placeholder);

    /// <summary>
    /// Droplet snapshots first, in the images' list order, then volume snapshots in theirs: each list
    /// keeps the order its store gives (the order of arrival, as for images), and the spec's example
    /// lists a Droplet snapshot before a volume one. Each store is read whole under its own lock; no
    /// change spans both, so a page never shows half of one.
    /// </summary>
    private ListEnvelope<SnapshotView> ListEnvelope(ApiCall call)
    {
        var query = SnapshotQuery.From(call.Query);
        var matches = (query.Droplets ? images.DropletSnapshots(call.Now) : [])
            .Concat(query.Volumes ? volumes.Views() : []);
        return pages.Envelope(SnapshotJson.Instance, Collection, call, query.Paging, query.Paging.Window(matches, static s => s));
    }

    private ApiResponse Get(ApiCall call, string segment) => Find(segment, call.Now) switch
    {
        (SnapshotMatch.Snapshot, { } snapshot) => ApiResponse.Json(200, new SingleEnvelope<SnapshotView>(SnapshotJson.Instance, snapshot)),
        (SnapshotMatch.NotASnapshot, _) => ApiResponse.Error(ApiError.NotASnapshot, call.RequestId),
        _ => ApiResponse.Error(ApiError.NotFound, call.RequestId),
    };

    private ApiResponse Delete(ApiCall call, string segment)
    {
        // Digits are a Droplet snapshot's image id (spec snapshots/parameters.yml); anything else a volume snapshot's UUID.
        var match = ImageIds.TryParse(segment, out var id)
            ? images.DeleteDropletSnapshot(id, call.Now)
            : volumes.Remove(Uri.UnescapeDataString(segment)) ? SnapshotMatch.Snapshot : SnapshotMatch.None;
        return match switch
        {
            SnapshotMatch.Snapshot => ApiResponse.NoContent(),
            SnapshotMatch.NotASnapshot => ApiResponse.Error(ApiError.NotASnapshot, call.RequestId),
            _ => ApiResponse.Error(ApiError.NotFound, call.RequestId),
        };
    }

    private (SnapshotMatch Match, SnapshotView? Snapshot) Find(string segment, DateTimeOffset now)
    {
        if (ImageIds.TryParse(segment, out var id))
        {
            return images.FindDropletSnapshot(id, now);
        }

        var volume = volumes.Find(Uri.UnescapeDataString(segment));
        return (volume is null ? SnapshotMatch.None : SnapshotMatch.Snapshot, volume);
    }
}
