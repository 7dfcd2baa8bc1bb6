using EFCore.DigitalOcean.Testing.Internal;

namespace EFCore.DigitalOcean.Testing;

/// <summary>Ready-made, deterministic catalogues to seed a <see cref="DigitalOceanFake"/> with.</summary>
public static class FakeCatalog
{
    /// <summary>The moment catalogues are built relative to when no other is given: 2026-11-27T00:00:00Z.</summary>
    public static DateTimeOffset DefaultNow { get; } = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A catalogue like a real account's: 12 public distribution images, 8 application (1-Click) images
    /// of which one marketplace image is <c>public:false</c>, and 36 of the account's own snapshots,
    /// backups and custom images (one a failed import) created over the last 180 days. The 18
    /// snapshots come from three Droplets, six each, with their <see cref="FakeImage.DropletId"/> set.
    /// Public images come first, as on the real API.
    /// </summary>
    /// <param name="now">The moment the dates are relative to (default <see cref="DefaultNow"/>).</param>
    public static IReadOnlyList<FakeImage> Realistic(DateTimeOffset? now = null) =>
        RealisticCatalog.Build(now ?? DefaultNow);

    /// <summary>
    /// The volume snapshots that go with <see cref="Realistic"/>: five snapshots of two volumes, created
    /// over the last 90 days. Seed them through <see cref="DigitalOceanFakeOptions.VolumeSnapshots"/>.
    /// </summary>
    /// <param name="now">The moment the dates are relative to (default <see cref="DefaultNow"/>).</param>
    public static IReadOnlyList<FakeVolumeSnapshot> RealisticVolumeSnapshots(DateTimeOffset? now = null) =>
        RealisticCatalog.BuildVolumeSnapshots(now ?? DefaultNow);

    /// <summary>
    /// The regions the fake lists unless <see cref="DigitalOceanFakeOptions.Regions"/> says otherwise: 13
    /// regions, most available and taking image transfers. <c>ams2</c> is unavailable and takes no
    /// transfers, <c>sfo2</c> is unavailable but takes them, <c>syd1</c> is available but takes none.
    /// </summary>
    public static IReadOnlyList<FakeRegion> Regions() => DefaultRegions.Build();

    /// <summary>
    /// Many of the account's own images with consecutive ids, for paging tests and benchmarks.
    /// 100,000 images take a few tens of milliseconds to build.
    /// </summary>
    /// <param name="count">How many images.</param>
    /// <param name="now">The newest creation time (default <see cref="DefaultNow"/>); the images spread over the 180 days before it, oldest first.</param>
    /// <param name="firstId">The id of the first image.</param>
    public static IReadOnlyList<FakeImage> PrivateImages(int count, DateTimeOffset? now = null, long firstId = 100_000_000) =>
        PrivateImageCatalog.Build(count, now ?? DefaultNow, firstId);
}
