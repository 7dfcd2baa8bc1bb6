namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The regions the fake lists: fixed at start, so they are shared without copying or locking.</summary>
internal sealed class RegionCatalog
{
    public RegionCatalog(IEnumerable<FakeRegion>? regions)
    {
        var all = new List<FakeRegion>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in regions ?? DefaultRegions.Build())
        {
            ArgumentNullException.ThrowIfNull(region, nameof(regions));
            if (string.IsNullOrEmpty(region.Slug))
            {
                throw new ArgumentException("Every region needs a slug.", nameof(regions));
            }

            if (!slugs.Add(region.Slug))
            {
                throw new ArgumentException($"The region {region.Slug} is listed twice.", nameof(regions));
            }

            all.Add(region.Clone());
        }

        All = all;
    }

    public IReadOnlyList<FakeRegion> All { get; }
}
