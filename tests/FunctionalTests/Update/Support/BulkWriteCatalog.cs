using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update.Support;

/// <summary>
///     The account the ExecuteDelete and ExecuteUpdate tests clean up: two old snapshots match "snapshots older than 30 days";
///     a new snapshot, an old backup, an old custom image and an old public snapshot-typed distribution image do not.
/// </summary>
internal static class BulkWriteCatalog
{
    public const long OldSnapshotA = 201;
    public const long OldSnapshotB = 202;
    public const long NewSnapshot = 203;
    public const long OldBackup = 204;
    public const long OldCustom = 205;
    public const long PublicSnapshot = 160;

    /// <summary>The listing a bulk write over <see cref="OldSnapshots" /> starts with.</summary>
    public const string Listing = "GET /v2/images?private=true&per_page=200&page=1";

    public static readonly DateTimeOffset Cutoff = FakeCatalog.DefaultNow.AddDays(-30);

    public static readonly long[] Matches = [OldSnapshotA, OldSnapshotB];

    public static IReadOnlyList<FakeImage> Seed()
    {
        // Distribution images carry the type "snapshot" too: only PrivateOnly() keeps them out.
        var publicSnapshot = Seeds.PublicImage(PublicSnapshot, "ubuntu-20-04-x64");
        publicSnapshot.Type = ImageTypes.Snapshot;
        publicSnapshot.CreatedAt = FakeCatalog.DefaultNow.AddDays(-600);
        return
        [
            publicSnapshot,
            OwnImages.Snapshot(OldSnapshotA, "old-snap-a", daysOld: 90),
            OwnImages.Snapshot(OldSnapshotB, "old-snap-b", daysOld: 60),
            OwnImages.Snapshot(NewSnapshot, "new-snap", daysOld: 5),
            OwnImages.Create(OldBackup, "old-backup", ImageTypes.Backup, daysOld: 90),
            OwnImages.Create(OldCustom, "old-custom", ImageTypes.Custom, daysOld: 90),
        ];
    }

    /// <summary>The query the tests run their bulk writes over.</summary>
    public static IQueryable<Image> OldSnapshots(CloudContext db)
    {
        var cutoff = Cutoff;
        return db.Images.PrivateOnly().Where(i => i.Type == ImageTypes.Snapshot && i.CreatedAt < cutoff);
    }
}
