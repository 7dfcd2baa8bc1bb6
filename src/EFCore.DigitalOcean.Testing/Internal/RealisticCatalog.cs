using System.Globalization;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The data of <see cref="FakeCatalog.Realistic"/>. Every value is fixed or derived from the row
/// index, so two builds with the same <c>now</c> are identical.
/// </summary>
internal static class RealisticCatalog
{
    private const string DatabaseVolume = "89bcc42f-85cf-11e6-a004-000f53315871";
    private const string UploadsVolume = "506f78a4-e098-11e5-ad9f-000f53306ae1";

    private static readonly List<string> AllRegions =
        ["nyc3", "nyc1", "sfo1", "nyc2", "ams2", "sgp1", "lon1", "ams3", "fra1", "tor1", "sfo2", "blr1", "sfo3", "syd1"];

    private static readonly List<string> AppRegions = ["nyc1", "nyc3", "sfo3", "ams3", "fra1", "lon1", "sgp1", "tor1", "blr1", "syd1"];

    // Oldest first. AlmaLinux is not in the spec's distribution enum; the spec maps values outside
    // it to "Unknown", so that is what this catalogue shows for it.
    private static readonly PublicRow[] DistributionRows =
    [
        new("ubuntu-20-04-x64", "20.04 (LTS) x64", "Ubuntu", "snapshot", 610, 7, 0.59, "Ubuntu 20.04 (LTS) x64"),
        new("debian-11-x64", "11 x64", "Debian", "snapshot", 540, 7, 0.41, "Debian 11 x64"),
        new("rockylinux-8-x64", "8 x64", "Rocky Linux", "snapshot", 480, 10, 0.96, "Rocky Linux 8 x64"),
        new("freebsd-14-x64-ufs", "14.2 ufs x64", "FreeBSD", "base", 300, 20, 1.05, "FreeBSD 14.2 ufs x64"),
        new("freebsd-14-x64-zfs", "14.2 zfs x64", "FreeBSD", "base", 300, 20, 1.12, "FreeBSD 14.2 zfs x64"),
        new("centos-stream-9-x64", "9 Stream x64", "CentOS", "base", 210, 10, 0.86, "CentOS Stream 9 x64"),
        new("almalinux-9-x64", "AlmaLinux 9 x64", "Unknown", "base", 200, 10, 0.89, "AlmaLinux 9 x64"),
        new("rockylinux-9-x64", "9 x64", "Rocky Linux", "base", 190, 10, 0.88, "Rocky Linux 9 x64"),
        new("debian-12-x64", "12 x64", "Debian", "base", 150, 7, 0.45, "Debian 12 x64"),
        new("fedora-41-x64", "41 x64", "Fedora", "base", 120, 7, 0.79, "Fedora 41 x64"),
        new("ubuntu-22-04-x64", "22.04 (LTS) x64", "Ubuntu", "base", 60, 7, 0.64, "Ubuntu 22.04 (LTS) x64"),
        new("ubuntu-24-04-x64", "24.04 (LTS) x64", "Ubuntu", "base", 45, 7, 0.68, "Ubuntu 24.04 (LTS) x64"),
    ];

    private static readonly PublicRow[] ApplicationRows =
    [
        new("mysql", "MySQL 8.0 on Ubuntu 22.04", "Ubuntu", "snapshot", 400, 25, 2.41, ""),
        new("lamp-20-04", "LAMP on Ubuntu 22.04", "Ubuntu", "snapshot", 380, 25, 2.55, ""),
        new("gitlab", "GitLab CE 17.3 on Ubuntu 22.04", "Ubuntu", "snapshot", 330, 80, 6.2, "GitLab Community Edition"),
        new("nodejs-20-04", "NodeJS 20.11 on Ubuntu 22.04", "Ubuntu", "snapshot", 260, 25, 2.73, ""),
        new("wordpress-20-04", "WordPress 6.6 on Ubuntu 22.04", "Ubuntu", "snapshot", 180, 25, 3.1, "WordPress with LAMP"),
        new("grafana-20-04", "Grafana 11 on Ubuntu 22.04", "Ubuntu", "snapshot", 120, 25, 2.87, ""),
        new("docker-20-04", "Docker 27.3 on Ubuntu 22.04", "Ubuntu", "snapshot", 90, 25, 3.31, "Docker CE with Compose"),

        // A vendor's Marketplace image: public:false although it is not the account's own
        // (packer-plugin-digitalocean#172), so "not public" must not be read as "mine".
        new("acme-datastack-22-04", "Acme DataStack 3.2 on Ubuntu 22.04", "Ubuntu", "snapshot", 30, 25, 4.8, "", Public: false),
    ];

    private static readonly string[] Droplets = ["web-01", "web-02", "api-01", "db-01", "ci-runner-01", "cache-01"];
    private static readonly long[] DropletIds = [402_117_388, 402_117_391, 415_900_027, 388_004_512, 421_337_650, 430_006_119];
    private static readonly string[] DropletDistributions = ["Ubuntu", "Ubuntu", "Ubuntu", "Debian", "Fedora", "Rocky Linux"];
    private static readonly string[] SnapshotReasons = ["before kernel upgrade", "before php 8.3", "golden", "pre-migration"];
    private static readonly string[] UserRegions = ["nyc3", "sfo3", "ams3", "fra1", "lon1", "sgp1", "tor1", "blr1", "syd1", "nyc1"];
    private static readonly string[][] TagSets =
        [["base"], ["prod", "web"], ["ci"], [], ["prod"], ["web", "staging"], ["base", "ci"], ["prod", "db"]];

    private static readonly int[] DropletDisks = [25, 50, 80, 25, 160, 50];

    private static readonly CustomRow[] CustomRows =
    [
        new("talos-v1.8.3", "Unknown", "Talos Linux for Kubernetes nodes"),
        new("nixos-24.11-base", "Unknown", "NixOS with our base flake"),
        new("ubuntu-24.04-minimal", "Ubuntu", "Cloud-optimized image w/ small footprint"),
        new("alpine-3.20-cloud", "Unknown", ""),
        new("debian-12-genericcloud", "Debian", "Debian 12 generic cloud image"),
        new("arch-linux-2026.09", "Arch Linux", "Monthly Arch build", Failed: true),
        new("fedora-coreos-41", "Fedora", "Fedora CoreOS stable stream"),
        new("opensuse-leap-15.6", "openSUSE", ""),
        new("gentoo-openstack-2026", "Gentoo", "Gentoo OpenStack image"),
    ];

    public static IReadOnlyList<FakeImage> Build(DateTimeOffset now)
    {
        var images = new List<FakeImage>(56);
        images.AddRange(DistributionRows.Select((row, i) =>
            row.ToImage(160_204_311 + i * 1_137_029L, ImageCategory.Distribution, AllRegions, now)));
        images.AddRange(ApplicationRows.Select((row, i) =>
            row.ToImage(175_118_402 + i * 861_377L, ImageCategory.Application, AppRegions, now)));
        for (var i = 0; i < 36; i++)
        {
            images.Add(UserImage(i, now));
        }

        return images;
    }

    /// <summary>
    /// One of 36 own images, oldest first over the last 180 days. The kinds follow the pattern
    /// snapshot, backup, snapshot, custom, which gives 18 snapshots, 9 backups and 9 custom images.
    /// </summary>
    private static FakeImage UserImage(int i, DateTimeOffset now)
    {
        var created = now.AddDays(-178 + i * 5).AddHours(-((i * 7) % 24)).AddMinutes(-((i * 13) % 60));
        var droplet = i % Droplets.Length;
        var region = UserRegions[(i * 3) % UserRegions.Length];
        var image = new FakeImage
        {
            Id = 185_377_120 + i * 173_211L + (i * 7_919L % 1_000),
            CreatedAt = created,
            Public = false,
            Slug = null,
            Category = ImageCategory.User,
            Tags = [.. TagSets[i % TagSets.Length]],
            Regions = [region],
            Description = "",
        };

        switch (i % 4)
        {
            case 0 or 2:
                image.Type = "snapshot";
                image.Distribution = DropletDistributions[droplet];
                image.Name = i % 8 == 2
                    ? $"{Droplets[droplet]} {SnapshotReasons[i / 8 % SnapshotReasons.Length]}"
                    : $"{Droplets[droplet]}-{created.ToUnixTimeMilliseconds()}";
                image.MinDiskSize = DropletDisks[droplet];
                image.SizeGigabytes = Math.Round(1.1 + (i * 37 % 90) / 10.0, 2);

                // Snapshots fall on even rows, so they come from web-01, api-01 and ci-runner-01: six each.
                image.DropletId = DropletIds[droplet];
                if (i % 6 == 0)
                {
                    // Snapshots transferred to a second region.
                    image.Regions.Add(region == "nyc3" ? "sfo3" : "nyc3");
                }

                break;

            case 1:
                image.Type = "backup";
                image.Distribution = DropletDistributions[droplet];
                image.Name = string.Create(CultureInfo.InvariantCulture, $"{Droplets[droplet]} {created.UtcDateTime:yyyy-MM-dd}");
                image.MinDiskSize = DropletDisks[droplet];
                image.SizeGigabytes = Math.Round(2.3 + (i * 29 % 70) / 10.0, 2);
                break;

            default:
                var custom = CustomRows[i / 4];
                image.Type = "custom";
                image.Name = custom.Name;
                image.Distribution = custom.Distribution;
                image.Description = custom.Description;
                if (custom.Failed)
                {
                    // A failed import stays listed with status "deleted" (doctl#671).
                    image.Status = "deleted";
                    image.ErrorMessage = ImportPolicy.FailureMessage;
                    image.Regions = [];
                }
                else
                {
                    image.MinDiskSize = i % 8 == 3 ? 10 : 20;
                    image.SizeGigabytes = Math.Round(0.4 + (i * 11 % 26) / 10.0, 2);
                }

                break;
        }

        return image;
    }

    /// <summary>Snapshots of two volumes, oldest first: three of a database volume, two of an uploads volume.</summary>
    public static IReadOnlyList<FakeVolumeSnapshot> BuildVolumeSnapshots(DateTimeOffset now) =>
    [
        Volume(now, "4b0e1e62-5c1a-4f3e-9d0b-7a3c2f9e8d11", "pgdata-01-weekly", 84, DatabaseVolume, 100, 21.37, ["db", "prod"]),
        Volume(now, "9d7f3a10-2b64-4c8e-a1f5-0e6b7c8d9a22", "uploads-01-before-cleanup", 61, UploadsVolume, 250, 143.9, []),
        Volume(now, "c2a5e8f4-7d31-4b9a-8e06-1f2d3c4b5a33", "pgdata-01-weekly", 42, DatabaseVolume, 100, 23.05, ["db", "prod"]),
        Volume(now, "e81b4c7d-9f02-4a6e-b3d8-5c6a7b8e9f44", "uploads-01-monthly", 30, UploadsVolume, 250, 151.2, ["k8s"]),
        Volume(now, "f5d9a2b3-6e48-4c1f-9a70-2b3c4d5e6f55", "pgdata-01-weekly", 7, DatabaseVolume, 100, 24.61, ["db", "prod"]),
    ];

    private static FakeVolumeSnapshot Volume(
        DateTimeOffset now, string id, string name, int daysAgo, string volumeId, int minDisk, double size, List<string> tags) => new()
    {
        Id = id,
        Name = name,
        CreatedAt = now.AddDays(-daysAgo),
        Regions = ["nyc1"],
        VolumeId = volumeId,
        MinDiskSize = minDisk,
        SizeGigabytes = size,
        Tags = tags,
    };

    private sealed record PublicRow(
        string Slug, string Name, string Distribution, string Type, int DaysAgo, int MinDisk, double Size,
        string Description, bool Public = true)
    {
        public FakeImage ToImage(long id, ImageCategory category, List<string> regions, DateTimeOffset now) => new()
        {
            Id = id,
            Name = Name,
            Type = Type,
            Distribution = Distribution,
            Slug = Slug,
            Public = Public,
            Regions = [.. regions],
            CreatedAt = now.AddDays(-DaysAgo).AddHours(-(id % 24)).AddMinutes(-(id % 60)),
            MinDiskSize = MinDisk,
            SizeGigabytes = Size,
            Description = Description,
            Tags = [],
            Category = category,
        };
    }

    private sealed record CustomRow(string Name, string Distribution, string Description, bool Failed = false);
}
