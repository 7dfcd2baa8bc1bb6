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
}
