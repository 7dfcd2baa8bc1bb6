namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The data of <see cref="FakeCatalog.Regions"/>: 13 regions, the count of the spec's example
/// (regions/responses/all_regions.yml, <c>meta.total</c> 13), with its one region, nyc3, as written
/// there. The others follow the real catalogue; three are chosen so that tests can tell the two
/// properties that matter for images apart: ams2 is unavailable and takes no image transfers, sfo2 is
/// unavailable but still takes them, and syd1 is available but takes none.
/// </summary>
internal static class DefaultRegions
{
    private static readonly string[] Features =
        ["private_networking", "backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer"];

    private static readonly string[] FeaturesWithoutTransfer =
        ["private_networking", "backups", "ipv6", "metadata", "install_agent", "storage"];

    // nyc2's features and sizes are those of the spec's image action examples (images/responses).
    private static readonly string[] Nyc2Features =
        ["private_networking", "backups", "ipv6", "metadata", "server_id", "install_agent", "storage", "image_transfer"];

    private static readonly string[] Nyc2Sizes =
    [
        "s-1vcpu-3gb", "m-1vcpu-8gb", "s-3vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-2gb", "s-2vcpu-4gb", "s-4vcpu-8gb",
        "s-6vcpu-16gb", "s-8vcpu-32gb", "s-12vcpu-48gb", "s-16vcpu-64gb", "s-20vcpu-96gb", "s-1vcpu-1gb",
        "c-1vcpu-2gb", "s-24vcpu-128gb",
    ];

    // As in the spec's example, its last slug cut short included.
    private static readonly string[] Sizes =
    [
        "s-1vcpu-1gb", "s-1vcpu-2gb", "s-1vcpu-3gb", "s-2vcpu-2gb", "s-3vcpu-1gb", "s-2vcpu-4gb", "s-4vcpu-8gb",
        "s-6vcpu-16gb", "s-8vcpu-32gb", "s-12vcpu-48gb", "s-16vcpu-64gb", "s-20vcpu-96gb", "s-24vcpu-128gb",
        "s-32vcpu-192g",
    ];

    public static List<FakeRegion> Build() =>
    [
        Region("nyc1", "New York 1", Features, Sizes),
        Region("nyc2", "New York 2", Nyc2Features, Nyc2Sizes),
        Region("nyc3", "New York 3", Features, Sizes),

        // A region closed to new Droplets lists no sizes.
        Region("sfo2", "San Francisco 2", Features, [], available: false),
        Region("sfo3", "San Francisco 3", Features, Sizes),
        Region("ams2", "Amsterdam 2", ["private_networking", "backups", "ipv6", "metadata"], [], available: false),
        Region("ams3", "Amsterdam 3", Features, Sizes),
        Region("sgp1", "Singapore 1", Features, Sizes),
        Region("lon1", "London 1", Features, Sizes),
        Region("fra1", "Frankfurt 1", Features, Sizes),
        Region("tor1", "Toronto 1", Features, Sizes),
        Region("blr1", "Bangalore 1", Features, Sizes),
        Region("syd1", "Sydney 1", FeaturesWithoutTransfer, Sizes),
    ];

    private static FakeRegion Region(string slug, string name, string[] features, string[] sizes, bool available = true) => new()
    {
        Slug = slug,
        Name = name,
        Available = available,
        Features = [.. features],
        Sizes = [.. sizes],
    };
}
