namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The filter and paging of <c>GET /v2/snapshots</c>.</summary>
/// <param name="Droplets">Whether Droplet snapshots are listed.</param>
/// <param name="Volumes">Whether volume snapshots are listed.</param>
/// <param name="Paging">The page asked for.</param>
internal sealed record SnapshotQuery(bool Droplets, bool Volumes, Paging Paging)
{
    public static SnapshotQuery From(IReadOnlyDictionary<string, string> query)
    {
        var paging = Paging.From(query);
        if (!query.TryGetValue("resource_type", out var type) || type.Length == 0)
        {
            return new SnapshotQuery(Droplets: true, Volumes: true, paging);
        }

        // The parameter is an enum of droplet and volume (spec snapshots/parameters.yml) and the real
        // answer to any other value is not documented. As for the images' type parameter, any other
        // value (case differs included) matches no snapshot, rather than being ignored: a client that
        // sends a value it expects to narrow the list then sees nothing instead of everything.
        return new SnapshotQuery(type == SnapshotView.Droplet, type == SnapshotView.Volume, paging);
    }
}
