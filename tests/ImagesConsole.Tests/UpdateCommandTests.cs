using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

public class UpdateCommandTests
{
    [Fact]
    public async Task Rename_loads_the_image_and_puts_only_the_name()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "rename", WebSnapshot.ToString(), "web-01 golden", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("web-01 golden", result.Json().GetProperty("name").GetString());
        Assert.Equal([$"GET /v2/images/{WebSnapshot}", $"PUT /v2/images/{WebSnapshot}"], RequestLog.Lines(fake));
        Assert.Equal(["name=web-01 golden"], RequestLog.BodyFields(RequestLog.Single(fake, "PUT")));
        Assert.Equal("web-01 golden", fake.FindImage(WebSnapshot)?.Name);
    }

    [Fact]
    public async Task Describe_puts_only_the_description()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "describe", WebSnapshot.ToString(), "Golden image for web servers", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Golden image for web servers", result.Json().GetProperty("description").GetString());
        Assert.Equal(["description=Golden image for web servers"], RequestLog.BodyFields(RequestLog.Single(fake, "PUT")));
        Assert.Equal("web-01 snapshot", fake.FindImage(WebSnapshot)?.Name);
        Assert.Equal("Golden image for web servers", fake.FindImage(WebSnapshot)?.Description);
    }

    [Fact]
    public async Task Renaming_a_missing_image_fails_without_a_put()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "rename", "999", "anything");

        result.AssertExit(1, "error: could not rename image 999: no image has this id");
        Assert.Equal(["GET /v2/images/999"], RequestLog.Lines(fake));
    }
}
