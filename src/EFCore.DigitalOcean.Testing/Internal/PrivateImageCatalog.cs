namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Builds large, regular catalogues of the account's own images.</summary>
internal static class PrivateImageCatalog
{
    private static readonly string[] Types = ["snapshot", "backup", "custom"];
    private static readonly string[] Regions = ["nyc3", "sfo3", "ams3", "fra1", "lon1", "sgp1", "tor1", "blr1", "syd1", "nyc1"];
    private static readonly string[] Distributions = ["Ubuntu", "Debian", "Fedora", "Rocky Linux", "CentOS", "Unknown"];
    private static readonly string[][] TagSets = [["base"], ["prod"], ["ci"], ["web"], [], ["prod", "web"], ["base", "ci"]];
    private static readonly int[] DiskSizes = [25, 50, 80, 160];

    public static IReadOnlyList<FakeImage> Build(int count, DateTimeOffset now, long firstId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstId, 1);

        var images = new List<FakeImage>(count);
        var step = count == 0 ? 0 : TimeSpan.FromDays(180).Ticks / count;
        for (var i = 0; i < count; i++)
        {
            var type = Types[i % Types.Length];
            images.Add(new FakeImage
            {
                Id = firstId + i,
                Name = $"{type}-{i:D6}",
                Type = type,
                Distribution = Distributions[i % Distributions.Length],
                Regions = [Regions[i % Regions.Length]],
                CreatedAt = TruncateToSeconds(now.AddTicks(-step * (count - 1 - i))),
                MinDiskSize = DiskSizes[i % DiskSizes.Length],
                SizeGigabytes = Math.Round(1 + (i % 97) / 10.0, 2),
                Description = "",
                Tags = [.. TagSets[i % TagSets.Length]],
                Category = ImageCategory.User,
            });
        }

        return images;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
