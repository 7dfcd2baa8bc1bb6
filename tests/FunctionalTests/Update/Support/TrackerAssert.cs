using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update.Support;

/// <summary>
///     Checks that the change tracker tells the truth about the server after a SaveChanges, whether it succeeded or not:
///     accepted entries hold what the server holds, and pending entries describe a change the server has not seen.
/// </summary>
internal static class TrackerAssert
{
    public static void AgreesWithFake(DbContext db, DigitalOceanFake fake, params Image[] images)
    {
        foreach (var image in images)
        {
            var entry = db.Entry(image);
            switch (entry.State)
            {
                case EntityState.Added:
                    // Not created yet: the key is still temporary and the server has no image of that name.
                    Assert.True(entry.Property(i => i.Id).IsTemporary, $"'{image.Name}' is Added but has a real id.");
                    Assert.DoesNotContain(fake.Images, i => i.Name == image.Name);
                    break;
                case EntityState.Unchanged:
                    AssertSame(image.Id, image.Name, image.Description, image.Distribution, fake.FindImage(image.Id));
                    break;
                case EntityState.Modified:
                    // The update is still pending: the server holds the original values.
                    AssertSame(
                        image.Id,
                        entry.Property(i => i.Name).OriginalValue,
                        entry.Property(i => i.Description).OriginalValue,
                        entry.Property(i => i.Distribution).OriginalValue,
                        fake.FindImage(image.Id));
                    break;
                case EntityState.Deleted:
                    Assert.True(fake.FindImage(image.Id) is not null, $"Image {image.Id} is still Deleted but the server no longer has it.");
                    break;
                case EntityState.Detached:
                    Assert.True(fake.FindImage(image.Id) is null, $"Image {image.Id} is Detached but the server still has it.");
                    break;
            }
        }
    }

    private static void AssertSame(long id, string name, string? description, string? distribution, FakeImage? stored)
    {
        Assert.True(stored is not null, $"Image {id} is tracked as saved but the server has no such image.");
        Assert.Equal((name, description, distribution), (stored.Name, stored.Description, stored.Distribution));
    }
}
