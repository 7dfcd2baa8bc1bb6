using EFCore.DigitalOcean.Testing;

namespace ImagesConsole.Tests.TestSupport;

/// <summary>
///     A small catalogue whose every id, tag and age a test can name. Ages are relative to the real clock, because the app
///     computes its cutoffs from it.
/// </summary>
internal static class TestCatalog
{
    public const long UbuntuDistribution = 1001;
    public const string UbuntuSlug = "ubuntu-24-04-x64";
    public const long DockerApplication = 2001;

    public const long OldWebSnapshot = 3001;      // snapshot, 100 days, prod + web
    public const long WebSnapshot = 3002;         // snapshot, 60 days, web
    public const long DbBackup = 3003;            // backup, 40 days, prod + db
    public const long RecentWebSnapshot = 3004;   // snapshot, 10 days, prod + web
    public const long TalosCustom = 3005;         // custom, 5 days
    public const long FreshWebSnapshot = 3006;    // snapshot, 1 day, prod + web
    public const long FailedImport = 3007;        // custom, 50 days, status "deleted": the API refuses to delete it again

    public static IReadOnlyList<FakeImage> Build()
    {
        var now = DateTimeOffset.UtcNow;
        return
        [
            new FakeImage
            {
                Id = UbuntuDistribution, Name = "24.04 (LTS) x64", Type = "base", Distribution = "Ubuntu", Slug = UbuntuSlug,
                Public = true, Regions = ["nyc3", "sfo3", "ams3", "fra1"], CreatedAt = now.AddDays(-45), MinDiskSize = 7,
                SizeGigabytes = 0.68, Description = "Ubuntu 24.04 (LTS) x64", Category = ImageCategory.Distribution,
            },
            new FakeImage
            {
                Id = DockerApplication, Name = "Docker 27.3 on Ubuntu 22.04", Type = "snapshot", Distribution = "Ubuntu",
                Slug = "docker-20-04", Public = true, Regions = ["nyc3"], CreatedAt = now.AddDays(-90),
                Category = ImageCategory.Application,
            },
            Own(OldWebSnapshot, "web-01 old snapshot", "snapshot", now.AddDays(-100), "prod", "web"),
            Own(WebSnapshot, "web-01 snapshot", "snapshot", now.AddDays(-60), "web"),
            Own(DbBackup, "db-01 backup", "backup", now.AddDays(-40), "prod", "db"),
            Own(RecentWebSnapshot, "web-02 snapshot", "snapshot", now.AddDays(-10), "prod", "web"),
            Own(TalosCustom, "talos-v1.8.3", "custom", now.AddDays(-5)),
            Own(FreshWebSnapshot, "web-01 fresh snapshot", "snapshot", now.AddDays(-1), "prod", "web"),
            FailedImportImage(now.AddDays(-50)),
        ];
    }

    /// <summary>One of the account's own available images (the <see cref="FakeImage" /> defaults).</summary>
    public static FakeImage Own(long id, string name, string type, DateTimeOffset createdAt, params string[] tags) => new()
    {
        Id = id,
        Name = name,
        Type = type,
        Distribution = "Ubuntu",
        Regions = ["nyc3"],
        CreatedAt = createdAt,
        MinDiskSize = 25,
        SizeGigabytes = 2.5,
        Tags = [.. tags],
    };

    private static FakeImage FailedImportImage(DateTimeOffset createdAt)
    {
        var image = Own(FailedImport, "arch-linux-2026.09", "custom", createdAt);
        image.Status = "deleted";
        image.ErrorMessage = "We had a problem decompressing your file.";
        image.Regions = [];
        return image;
    }
}
