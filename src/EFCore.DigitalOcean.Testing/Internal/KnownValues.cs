using System.Collections.Frozen;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The enumerations of the OpenAPI spec that the fake enforces.</summary>
internal static class KnownValues
{
    /// <summary>spec: shared/attributes/distribution.yml.</summary>
    public static readonly FrozenSet<string> Distributions = FrozenSet.Create(
        StringComparer.Ordinal,
        "Arch Linux", "CentOS", "CoreOS", "Debian", "Fedora", "Fedora Atomic", "FreeBSD",
        "Gentoo", "openSUSE", "RancherOS", "Rocky Linux", "Ubuntu", "Unknown");

    /// <summary>spec: shared/attributes/region_slug.yml.</summary>
    public static readonly FrozenSet<string> RegionSlugs = FrozenSet.Create(
        StringComparer.Ordinal,
        "ams1", "ams2", "ams3", "blr1", "fra1", "lon1", "nyc1", "nyc2", "nyc3",
        "sfo1", "sfo2", "sfo3", "sgp1", "tor1", "syd1");

    /// <summary>
    /// The spec says any other distribution "will be accepted but ignored, and Unknown will be used in
    /// its place". The match is exact (case-sensitive) because that is all the spec promises.
    /// </summary>
    public static string NormalizeDistribution(string? value) =>
        value is not null && Distributions.Contains(value) ? value : "Unknown";
}
