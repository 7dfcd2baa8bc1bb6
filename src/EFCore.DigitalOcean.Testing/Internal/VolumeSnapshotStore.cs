namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The volume snapshots in list order. Every member takes one lock, so concurrent requests see each
/// change whole. Snapshots never leave the store: callers get copies.
/// </summary>
internal sealed class VolumeSnapshotStore
{
    private readonly Lock _gate = new();
    private readonly List<FakeVolumeSnapshot> _order = [];

    // UUIDs: the same id in upper case is the same snapshot.
    private readonly Dictionary<string, FakeVolumeSnapshot> _byId = new(StringComparer.OrdinalIgnoreCase);

    public VolumeSnapshotStore(IEnumerable<FakeVolumeSnapshot>? seed)
    {
        foreach (var snapshot in seed ?? [])
        {
            Insert(snapshot);
        }
    }

    public FakeVolumeSnapshot Add(FakeVolumeSnapshot snapshot)
    {
        lock (_gate)
        {
            return Insert(snapshot).Clone();
        }
    }

    public IReadOnlyList<FakeVolumeSnapshot> Snapshot()
    {
        lock (_gate)
        {
            return _order.Select(s => s.Clone()).ToList();
        }
    }

    public IReadOnlyList<SnapshotView> Views()
    {
        lock (_gate)
        {
            return _order.Select(SnapshotView.FromVolume).ToList();
        }
    }

    public SnapshotView? Find(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var snapshot) ? SnapshotView.FromVolume(snapshot) : null;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var snapshot))
            {
                return false;
            }

            _order.Remove(snapshot);
            return true;
        }
    }

    private FakeVolumeSnapshot Insert(FakeVolumeSnapshot source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var snapshot = source.Clone();
        if (string.IsNullOrEmpty(snapshot.Id))
        {
            snapshot.Id = Guid.NewGuid().ToString();
        }
        else if (!Guid.TryParseExact(snapshot.Id, "D", out _))
        {
            // A numeric id would be routed to the images; the API's volume snapshot ids are UUIDs.
            throw new ArgumentException(
                $"Volume snapshot ids are UUIDs such as fbe805e8-866b-11e6-96bf-000f53315a41, not '{snapshot.Id}'.", nameof(source));
        }

        if (!_byId.TryAdd(snapshot.Id, snapshot))
        {
            throw new ArgumentException($"The fake already has a volume snapshot with id {snapshot.Id}.", nameof(source));
        }

        _order.Add(snapshot);
        return snapshot;
    }
}
