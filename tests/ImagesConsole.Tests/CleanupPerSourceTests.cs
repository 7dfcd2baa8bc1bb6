using EFCore.DigitalOcean.Testing;
using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

public class CleanupPerSourceTests
{
    private const long DropletId = 777;
    private const string VolumeId = "vol-a";
    private const string NewVolumeSnapshot = "0a0a0a0a-0000-4000-8000-000000000001";
    private const string OldVolumeSnapshot = "0a0a0a0a-0000-4000-8000-000000000002";

    // Droplet 777: 5001 (2 days), 5002 (20 days), 5003 (200 days). Volume vol-a: 3 days and 300 days. The catalogue's own
    // snapshots have no Droplet id, so the API names no source for them.
    private static DigitalOceanFake StartFake()
    {
        var fake = App.StartFake();
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, days) in new[] { (5001L, 2), (5002L, 20), (5003L, 200) })
        {
            var image = Own(id, $"app-01-{id}", "snapshot", now.AddDays(-days));
            image.DropletId = DropletId;
            fake.AddImage(image);
        }

        fake.AddVolumeSnapshot(new FakeVolumeSnapshot { Id = NewVolumeSnapshot, Name = "data-new", CreatedAt = now.AddDays(-3), VolumeId = VolumeId, Regions = ["nyc1"] });
        fake.AddVolumeSnapshot(new FakeVolumeSnapshot { Id = OldVolumeSnapshot, Name = "data-old", CreatedAt = now.AddDays(-300), VolumeId = VolumeId, Regions = ["nyc1"] });
        return fake;
    }

    private static readonly string Skipped =
        $"Skipped 4 snapshots whose source the API does not say: {FreshWebSnapshot}, {RecentWebSnapshot}, {WebSnapshot}, {OldWebSnapshot}.";

    [Fact]
    public async Task A_dry_run_keeps_the_newest_of_each_droplet_and_volume_and_deletes_nothing()
    {
        using var fake = StartFake();

        var result = await App.RunAsync(fake, "cleanup", "--per-source", "--keep-newest", "1", "--dry-run", "--json");

        result.AssertExit(
            0,
            $"Kept the newest 1 of each source (--keep-newest 1): 2 snapshots of 2 sources: droplet {DropletId} (1), volume {VolumeId} (1).",
            Skipped,
            "Dry run: 3 snapshots would be deleted; nothing was.");
        var output = result.Json();
        Assert.True(output.GetProperty("dry_run").GetBoolean());
        Assert.Equal(["5002", "5003", OldVolumeSnapshot], output.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["5001", NewVolumeSnapshot], output.GetProperty("kept").EnumerateArray().Select(k => k.GetString()));
        Assert.Empty(output.GetProperty("deleted").EnumerateArray());
        var request = Assert.Single(fake.Requests);
        Assert.Equal(("GET", "/v2/snapshots", "page=1&per_page=200"), (request.Method, request.Path, RequestLog.SortedQuery(request)));
    }

    [Fact]
    public async Task With_yes_and_older_than_it_deletes_only_the_old_snapshots_beyond_the_newest_of_each_source()
    {
        using var fake = StartFake();

        var result = await App.RunAsync(fake, "cleanup", "--per-source", "--keep-newest", "1", "--older-than", "30d", "--yes", "--format", "ID");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(fake.Requests);

        result = await App.RunAsync(fake, "cleanup", "--per-source", "--keep-newest", "1", "--older-than", "30d", "--yes", "--no-header");

        // 5002 is beyond the newest of its Droplet but only 20 days old: it stays.
        result.AssertExit(
            0,
            $"Kept the newest 1 of each source (--keep-newest 1): 2 snapshots of 2 sources: droplet {DropletId} (1), volume {VolumeId} (1).",
            Skipped,
            $"Deleted 2 snapshots: 5003, {OldVolumeSnapshot}.");
        Assert.Equal(["5003", OldVolumeSnapshot], result.OutputLines.Select(line => line[..line.IndexOf('\t')]));
        Assert.Equal([$"/v2/snapshots/{OldVolumeSnapshot}", "/v2/snapshots/5003"], RequestLog.SortedPaths(fake, "DELETE"));
        Assert.Equal(3, fake.Requests.Count);
        Assert.Null(fake.FindImage(5003));
        Assert.NotNull(fake.FindImage(5002));
        Assert.Equal([NewVolumeSnapshot], fake.VolumeSnapshots.Select(s => s.Id));
    }

    [Fact]
    public async Task A_refused_delete_fails_in_the_tools_words_and_the_others_are_deleted()
    {
        using var fake = StartFake();
        fake.InjectFault(new FakeFault { Method = "DELETE", PathPrefix = "/v2/snapshots/5003", StatusCode = 422, Times = int.MaxValue });

        var result = await App.RunAsync(fake, "cleanup", "--per-source", "--keep-newest", "1", "--yes");

        Assert.Equal(1, result.ExitCode);
        result.AssertNoStackTrace();
        Assert.Equal($"Deleted 2 snapshots: 5002, {OldVolumeSnapshot}.", result.MessageLines[^2]);
        Assert.StartsWith("error: could not delete 1 snapshot (5003): DELETE /v2/snapshots/5003 failed with 422", result.MessageLines[^1]);
        Assert.Equal([$"/v2/snapshots/{OldVolumeSnapshot}", "/v2/snapshots/5002", "/v2/snapshots/5003"], RequestLog.SortedPaths(fake, "DELETE"));
        Assert.NotNull(fake.FindImage(5003));
        Assert.Null(fake.FindImage(5002));
    }

    [Fact]
    public async Task Without_yes_a_non_interactive_run_refuses_and_deletes_nothing()
    {
        using var fake = StartFake();

        // Keeping 2 of each source leaves one candidate: the Droplet's oldest, 5003.
        var result = await App.RunAsync(fake, "cleanup", "--per-source", "--keep-newest", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: refusing to delete 1 snapshot without confirmation, because the input is not interactive: pass --yes to confirm, "
            + "or --dry-run to only look.",
            result.MessageLines[^1]);
        Assert.DoesNotContain(fake.Requests, r => r.Method == "DELETE");
    }

    [Theory]
    [InlineData("error: --per-source needs --keep-newest N (at least 1): how many snapshots of each Droplet or volume to keep.", "--per-source")]
    [InlineData(
        "error: --type, --tag and --format apply to images; --per-source cleans up snapshots, and takes none of them.",
        "--per-source", "--keep-newest", "1", "--type", "snapshot")]
    [InlineData("error: Option '--older-than' is required (or --per-source, to keep the newest snapshots of each source).", "--keep-newest", "1")]
    public async Task Bad_input_is_refused_before_any_request(string error, params string[] args)
    {
        using var fake = StartFake();

        var result = await App.RunAsync(fake, ["cleanup", .. args, "--yes"]);

        result.AssertExit(2, error);
        Assert.Empty(fake.Requests);
    }
}
