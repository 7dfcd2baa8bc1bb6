using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

public class ShowCommandTests
{
    [Fact]
    public async Task A_numeric_argument_reads_that_id_with_one_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "show", DbBackup.ToString(), "--json");

        Assert.Equal(0, result.ExitCode);
        var image = result.Json();
        Assert.Equal(DbBackup, image.GetProperty("id").GetInt64());
        Assert.Equal("db-01 backup", image.GetProperty("name").GetString());
        Assert.Equal("backup", image.GetProperty("type").GetString());
        Assert.Equal(["prod", "db"], image.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([$"GET /v2/images/{DbBackup}"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task Any_other_argument_reads_a_public_image_by_slug()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "show", UbuntuSlug, "--json");

        Assert.Equal(0, result.ExitCode);
        var image = result.Json();
        Assert.Equal(UbuntuDistribution, image.GetProperty("id").GetInt64());
        Assert.Equal(UbuntuSlug, image.GetProperty("slug").GetString());
        Assert.True(image.GetProperty("public").GetBoolean());
        Assert.Equal([$"GET /v2/images/{UbuntuSlug}"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task A_missing_image_fails_with_a_message_on_stderr_and_nothing_on_stdout()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "show", "999", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("no image has the id or public slug '999'", result.Stderr);
        Assert.Equal(["GET /v2/images/999"], RequestLog.Lines(fake));
    }
}
