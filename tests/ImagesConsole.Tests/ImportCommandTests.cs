using EFCore.DigitalOcean.Testing;
using ImagesConsole.Tests.TestSupport;

namespace ImagesConsole.Tests;

public class ImportCommandTests
{
    [Fact]
    public async Task Import_posts_the_image_and_wait_polls_it_until_it_is_available()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(
            fake, "import", "--name", "demo", "--url", "https://example.com/demo.qcow2", "--region", "nyc3",
            "--distribution", "Ubuntu", "--description", "Demo image", "--tag", "base", "--tag", "ci", "--wait", "--json");

        Assert.Equal(0, result.ExitCode);
        var image = result.Json();
        var id = image.GetProperty("id").GetInt64();
        Assert.Equal("demo", image.GetProperty("name").GetString());
        Assert.Equal("available", image.GetProperty("status").GetString());
        Assert.Equal("available", fake.FindImage(id)?.Status);

        var post = RequestLog.Single(fake, "POST");
        Assert.Equal("/v2/images", post.Path);
        Assert.Equal(
            ["description=Demo image", "distribution=Ubuntu", "name=demo", "region=nyc3", """tags=["base","ci"]""",
                "url=https://example.com/demo.qcow2"],
            RequestLog.BodyFields(post));

        // The fake answers pending to the first poll and available to the second.
        Assert.Equal(["POST /v2/images", $"GET /v2/images/{id}", $"GET /v2/images/{id}"], RequestLog.Lines(fake));
        Assert.Contains($"Image {id} is available.", result.Stderr);
    }

    [Fact]
    public async Task Without_wait_import_returns_the_new_image_after_one_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "import", "--name", "demo", "--url", "https://example.com/demo.qcow2", "--region", "nyc3", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("NEW", result.Json().GetProperty("status").GetString());
        Assert.Equal(["POST /v2/images"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task A_failed_import_exits_non_zero_with_the_api_error_message()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(
            fake, "import", "--name", "broken", "--url", "https://example.com/import-fails.qcow2", "--region", "nyc3", "--wait", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var created = Assert.Single(fake.Images, i => i.Name == "broken");
        Assert.Equal("deleted", created.Status);
        Assert.False(string.IsNullOrEmpty(created.ErrorMessage));
        Assert.Contains($"error: the import of image {created.Id} 'broken' failed: {created.ErrorMessage}", result.Stderr);
    }

    [Fact]
    public async Task Required_options_are_checked_before_any_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "import", "--name", "demo", "--region", "nyc3");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--url", result.Stderr);
        Assert.Empty(fake.Requests);
    }
}
