using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Update.Support;

/// <summary>The account's own images (the only ones the API lets you change) with the type and age a write test needs.</summary>
internal static class OwnImages
{
    public static FakeImage Snapshot(long id, string name, int daysOld = 10) => Create(id, name, ImageTypes.Snapshot, daysOld);

    public static FakeImage Create(long id, string name, string type, int daysOld)
    {
        var image = Seeds.PrivateImage(id, name);
        image.Type = type;
        image.Description = "description of " + name;
        image.CreatedAt = FakeCatalog.DefaultNow.AddDays(-daysOld);
        return image;
    }
}
