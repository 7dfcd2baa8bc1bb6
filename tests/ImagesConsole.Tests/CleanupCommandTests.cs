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

        Assert.Equal(0, result.ExitCode);
        var output = result.Json();
        Assert.True(output.GetProperty("dry_run").GetBoolean());
        Assert.Equal([DbBackup, FailedImport, WebSnapshot, OldWebSnapshot], AppResult.Ids(output.GetProperty("candidates")));
        Assert.Empty(output.GetProperty("deleted").EnumerateArray());

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

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refusing to delete 4 images without confirmation", result.Stderr);
        Assert.Contains("--yes", result.Stderr);
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

        Assert.Equal(0, result.ExitCode);
        var output = result.Json();
        Assert.False(output.GetProperty("dry_run").GetBoolean());
        Assert.Equal([WebSnapshot, OldWebSnapshot], AppResult.Ids(output.GetProperty("candidates")));
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

        var result = await App.RunAsync(fake, "cleanup", "--older-than", "30d", "--yes", "--json");

        // Eight candidates, two batches; the API refuses the failed import in the first one.
        Assert.Equal(1, result.ExitCode);
        var output = result.Json();
        long[] expected = [DbBackup, FailedImport, WebSnapshot, OldWebSnapshot, 4001, 4002, 4003, 4004];
        Assert.Equal(expected, AppResult.Ids(output.GetProperty("candidates")));
        Assert.Equal(expected.Where(id => id != FailedImport), output.GetProperty("deleted").EnumerateArray().Select(id => id.GetInt64()));
        var failure = Assert.Single(output.GetProperty("failed").EnumerateArray());
        Assert.Equal(FailedImport, failure.GetProperty("id").GetInt64());
        Assert.Contains("already deleted", failure.GetProperty("error").GetString());

        Assert.Equal(8, fake.Requests.Count(r => r.Method == "DELETE"));
        Assert.NotNull(fake.FindImage(FailedImport));
        Assert.All(expected.Where(id => id != FailedImport), id => Assert.Null(fake.FindImage(id)));
        Assert.Contains($"could not delete image {FailedImport}", result.Stderr);
    }

    [Fact]
    public async Task Older_than_is_required_and_must_be_a_duration()
    {
        using var fake = App.StartFake();

        var missing = await App.RunAsync(fake, "cleanup", "--yes");
        var malformed = await App.RunAsync(fake, "cleanup", "--older-than", "soon", "--yes");

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--older-than", missing.Stderr);
        Assert.NotEqual(0, malformed.ExitCode);
        Assert.Contains("'soon' is not a duration", malformed.Stderr);
        Assert.Empty(fake.Requests);
    }
}
