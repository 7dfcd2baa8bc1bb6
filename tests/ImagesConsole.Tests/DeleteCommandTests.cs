using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

public class DeleteCommandTests
{
    [Fact]
    public async Task Delete_sends_one_delete_per_id_without_reading_and_reports_each_failure_with_its_own_error()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "delete", OldWebSnapshot.ToString(), "999", TalosCustom.ToString(), "998", "--json");

        Assert.Equal(1, result.ExitCode);
        var output = result.Json();
        Assert.Equal([OldWebSnapshot, TalosCustom], output.GetProperty("deleted").EnumerateArray().Select(id => id.GetInt64()));
        var failures = output.GetProperty("failed").EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetInt64(), f => f.GetProperty("error").GetString());
        Assert.Equal([998, 999], failures.Keys.Order());
        Assert.All(failures, failure => Assert.Contains($"/v2/images/{failure.Key}", failure.Value));

        Assert.Equal(["/v2/images/3001", "/v2/images/3005", "/v2/images/998", "/v2/images/999"], RequestLog.SortedPaths(fake, "DELETE"));
        Assert.All(fake.Requests, request => Assert.Equal("DELETE", request.Method));
        Assert.Null(fake.FindImage(OldWebSnapshot));
        Assert.Null(fake.FindImage(TalosCustom));
        Assert.Contains("could not delete image 998", result.Stderr);
        Assert.Contains("could not delete image 999", result.Stderr);
    }

    [Fact]
    public async Task Deleting_existing_images_succeeds()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "delete", DbBackup.ToString());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Deleted 1 image: {DbBackup}.", result.Stderr);
        Assert.Equal([$"DELETE /v2/images/{DbBackup}"], RequestLog.Lines(fake));
        Assert.Null(fake.FindImage(DbBackup));
    }
}
