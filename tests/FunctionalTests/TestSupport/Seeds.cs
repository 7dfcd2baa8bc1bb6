using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>Images to seed a fake with, beside <see cref="FakeCatalog" />.</summary>
public static class Seeds
{
    /// <summary>A public distribution image, which the API also finds by its slug.</summary>
    public static FakeImage PublicImage(long id, string slug) => new()
    {
        Id = id,
        Name = "Image " + slug,
        Slug = slug,
        Public = true,
        Type = ImageTypes.Base,
        Distribution = ImageDistributions.Ubuntu,
        Regions = ["nyc3", "ams3"],
        CreatedAt = FakeCatalog.DefaultNow.AddDays(-30),
        MinDiskSize = 10,
        SizeGigabytes = 0.5,
        Category = ImageCategory.Distribution,
    };

    /// <summary>One of the account's own images.</summary>
    public static FakeImage PrivateImage(long id, string name, params string[] tags) => new()
    {
        Id = id,
        Name = name,
        Type = ImageTypes.Snapshot,
        Distribution = ImageDistributions.Debian,
        Regions = ["fra1"],
        CreatedAt = FakeCatalog.DefaultNow.AddDays(-id % 100),
        MinDiskSize = 25,
        SizeGigabytes = 1.5,
        Tags = [.. tags],
    };

    /// <summary>A snapshot of a Droplet: one of the account's images of type snapshot, with the Droplet it came from.</summary>
    public static FakeImage DropletSnapshot(long id, string name, long dropletId)
    {
        var image = PrivateImage(id, name);
        image.DropletId = dropletId;
        return image;
    }

    /// <summary>A snapshot of a volume, which only <c>/v2/snapshots</c> lists.</summary>
    public static FakeVolumeSnapshot VolumeSnapshot(string id, string name, string volumeId) => new()
    {
        Id = id,
        Name = name,
        VolumeId = volumeId,
        CreatedAt = FakeCatalog.DefaultNow.AddDays(-1),
        Regions = ["nyc3"],
        MinDiskSize = 10,
        SizeGigabytes = 0.25,
    };
}
