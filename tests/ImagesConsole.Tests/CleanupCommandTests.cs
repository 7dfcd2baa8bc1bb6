using EFCore.DigitalOcean.Testing;
using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

public class CleanupCommandTests
{
    [Fact]
    public async Task A_dry_run_lists_your_old_images_newest_first_and_deletes_nothing()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "cleanup", "--older-than", "30d", "--dry-run", "--json");

        result.AssertExit(
            0,
            $"Skipped 1 image that cannot be deleted: {FailedImport} (status deleted).",
            "Dry run: 3 images would be deleted; nothing was.");
        var output = result.Json();
        Assert.True(output.GetProperty("dry_run").GetBoolean());
        Assert.Equal([DbBackup, WebSnapshot, OldWebSnapshot], AppResult.Ids(output.GetProperty("candidates")));
        Assert.Empty(output.GetProperty("deleted").EnumerateArray());
        var skipped = Assert.Single(output.GetProperty("skipped").EnumerateArray());
        Assert.Equal(FailedImport, skipped.GetProperty("id").GetInt64());
        Assert.Equal("status deleted", skipped.GetProperty("reason").GetString());

        // Only your own images are ever listed: the distribution and application images are older but not candidates.
        var request = Assert.Single(fake.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("page=1&per_page=200&private=true", RequestLog.SortedQuery(request));
        Assert.Equal(TestCatalog.Build().Count, fake.Images.Count);
    }

    [Fact]
    public async Task Without_yes_a_non_interactive_run_refuses_and_deletes_nothing()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "cleanup", "--older-than", "30d");

        result.AssertExit(
            1,
            $"Skipped 1 image that cannot be deleted: {FailedImport} (status deleted).",
            "error: refusing to delete 3 images without confirmation, because the input is not interactive: pass --yes to confirm, "
            + "or --dry-run to only look.");
        Assert.DoesNotContain(fake.Requests, r => r.Method == "DELETE");
        Assert.Equal(TestCatalog.Build().Count, fake.Images.Count);
    }

    [Fact]
    public async Task Keep_newest_protects_the_newest_matching_images_even_when_they_are_old_enough()
    {
        using var fake = App.StartFake();

        // Snapshots, newest first: 3006 (1 day), 3004 (10 days), 3002 (60 days), 3001 (100 days). All but 3006 are older
        // than 7 days; keeping the newest two spares 3004 too. The backup 3003 is old but not a snapshot.
        var result = await App.RunAsync(
            fake, "cleanup", "--older-than", "7d", "--type", "snapshot", "--keep-newest", "2", "--yes", "--json");

        result.AssertExit(
            0,
            $"Kept the newest 2 images (--keep-newest 2): {FreshWebSnapshot}, {RecentWebSnapshot}.",
            $"Deleted 2 images: {WebSnapshot}, {OldWebSnapshot}.");
        var output = result.Json();
        Assert.False(output.GetProperty("dry_run").GetBoolean());
        Assert.Equal([WebSnapshot, OldWebSnapshot], AppResult.Ids(output.GetProperty("candidates")));
        Assert.Equal([FreshWebSnapshot, RecentWebSnapshot], output.GetProperty("kept").EnumerateArray().Select(id => id.GetInt64()));
        Assert.Equal([WebSnapshot, OldWebSnapshot], output.GetProperty("deleted").EnumerateArray().Select(id => id.GetInt64()));
        Assert.Empty(output.GetProperty("failed").EnumerateArray());

        Assert.Equal(["/v2/images/3001", "/v2/images/3002"], RequestLog.SortedPaths(fake, "DELETE"));
        Assert.Null(fake.FindImage(WebSnapshot));
        Assert.Null(fake.FindImage(OldWebSnapshot));
        Assert.NotNull(fake.FindImage(RecentWebSnapshot));
        Assert.NotNull(fake.FindImage(DbBackup));
    }

    [Fact]
    public async Task A_refused_delete_is_reported_and_the_later_batches_still_run()
    {
        using var fake = App.StartFake();
        long[] older = [4001, 4002, 4003, 4004];
        foreach (var id in older)
        {
            fake.AddImage(Own(id, $"ancient-{id}", "snapshot", DateTimeOffset.UtcNow.AddDays(-300 - id % 10)));
        }

        fake.InjectFault(new FakeFault { Method = "DELETE", PathPrefix = $"/v2/images/{WebSnapshot}", StatusCode = 422, Times = int.MaxValue });

        var result = await App.RunAsync(fake, "cleanup", "--older-than", "30d", "--yes", "--json");

        // Seven candidates (the failed import is skipped), two batches; the API refuses the web snapshot in the first one.
        Assert.Equal(1, result.ExitCode);
        var output = result.Json();
        long[] expected = [DbBackup, WebSnapshot, OldWebSnapshot, 4001, 4002, 4003, 4004];
        Assert.Equal(expected, AppResult.Ids(output.GetProperty("candidates")));
        Assert.Equal(expected.Where(id => id != WebSnapshot), output.GetProperty("deleted").EnumerateArray().Select(id => id.GetInt64()));
        var failure = Assert.Single(output.GetProperty("failed").EnumerateArray());
        Assert.Equal(WebSnapshot, failure.GetProperty("id").GetInt64());
        var refused = Assert.Single(fake.Requests, r => r.Path == $"/v2/images/{WebSnapshot}");
        var error = failure.GetProperty("error").GetString()!;
        Assert.StartsWith($"DELETE /v2/images/{WebSnapshot} failed with 422 unprocessable_entity: ", error);
        Assert.EndsWith($"(request id {refused.RequestId})", error);
        Assert.Contains($"error: could not delete image {WebSnapshot}: {error}", result.ErrorLines);

        Assert.Equal(7, fake.Requests.Count(r => r.Method == "DELETE"));
        Assert.DoesNotContain(fake.Requests, r => r.Path == $"/v2/images/{FailedImport}");
        Assert.NotNull(fake.FindImage(WebSnapshot));
        result.AssertNoStackTrace();
        Assert.All(expected.Where(id => id != WebSnapshot), id => Assert.Null(fake.FindImage(id)));
    }

    [Fact]
    public async Task Cleanup_never_offers_a_failed_import_and_says_it_skipped_it()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "cleanup", "--older-than", "45d", "--yes");

        result.AssertExit(
            0,
            $"Skipped 1 image that cannot be deleted: {FailedImport} (status deleted).",
            $"Deleted 2 images: {WebSnapshot}, {OldWebSnapshot}.");
        Assert.Equal([$"/v2/images/{OldWebSnapshot}", $"/v2/images/{WebSnapshot}"], RequestLog.SortedPaths(fake, "DELETE"));
        Assert.Equal(
            ["ID\tName\tType\tDistribution\tSlug\tRegions\tSize\tCreated\tStatus", $"{WebSnapshot}\t", $"{OldWebSnapshot}\t"],
            result.OutputLines.Select(line => line.StartsWith("ID", StringComparison.Ordinal) ? line : line[..(line.IndexOf('\t') + 1)]));
    }

    [Fact]
    public async Task Retired_and_public_images_in_the_listing_are_skipped_with_their_reason()
    {
        using var fake = App.StartFake();
        fake.SetImageStatus(WebSnapshot, "retired");

        var result = await App.RunAsync(fake, "cleanup", "--older-than", "30d", "--dry-run", "--format", "ID");

        result.AssertExit(
            0,
            $"Skipped 2 images that cannot be deleted: {FailedImport} (status deleted); {WebSnapshot} (status retired).",
            "Dry run: 2 images would be deleted; nothing was.");
        Assert.Equal(["ID", DbBackup.ToString(), OldWebSnapshot.ToString()], result.OutputLines);
    }

    [Fact]
    public async Task Older_than_is_required_and_must_be_a_duration()
    {
        using var fake = App.StartFake();

        var missing = await App.RunAsync(fake, "cleanup", "--yes");
        var malformed = await App.RunAsync(fake, "cleanup", "--older-than", "soon", "--yes");

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--older-than", missing.Stderr);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("--older-than takes a positive number and a unit", malformed.Stderr);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task In_the_simulation_cleanup_older_than_60d_skips_the_failed_import_and_succeeds()
    {
        var result = await App.RunAsync(accessToken: null, "cleanup", "--older-than", "60d", "--yes", "--json");

        result.AssertNoStackTrace();
        Assert.Equal(0, result.ExitCode);
        var output = result.Json();
        var skipped = Assert.Single(output.GetProperty("skipped").EnumerateArray());
        Assert.Contains($"Skipped 1 image that cannot be deleted: {skipped.GetProperty("id").GetInt64()} (status deleted).", result.ErrorLines);
        Assert.Empty(output.GetProperty("failed").EnumerateArray());
        Assert.Equal(AppResult.Ids(output.GetProperty("candidates")), output.GetProperty("deleted").EnumerateArray().Select(id => id.GetInt64()));
    }
}
