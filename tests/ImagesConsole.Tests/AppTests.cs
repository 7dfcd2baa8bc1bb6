using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

public class AppTests
{
    [Fact]
    public async Task Verbose_shows_each_request_on_stderr_and_keeps_stdout_clean()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "list", "--private", "--top", "1", "--verbose", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([FreshWebSnapshot], AppResult.Ids(result.Json()));
        var log = Assert.Single(result.Stderr.Split('\n'), line => line.Contains("HTTP request"));
        Assert.Contains($"GET {Assert.Single(fake.Requests).Path}{fake.Requests[0].QueryString} (200)", log);
    }

    [Fact]
    public async Task Without_a_token_the_app_says_so_and_runs_against_its_own_simulation()
    {
        var result = await App.RunAsync(accessToken: null, "show", "ubuntu-24-04-x64", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("local simulation", result.Stderr);
        Assert.Equal("ubuntu-24-04-x64", result.Json().GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Base_url_without_a_token_is_refused()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(accessToken: null, "list", "--base-url", fake.BaseAddress.ToString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--base-url needs a token", result.Stderr);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task An_api_error_becomes_one_line_on_stderr_and_a_failure_exit_code()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync("not-the-fake-token", "list", "--private", "--base-url", fake.BaseAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", error);
        Assert.Contains("401", error);
        Assert.All(fake.Requests, request => Assert.False(request.HadValidToken));
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var result = await App.RunAsync(accessToken: null, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.All(
            new[] { "list", "show", "import", "rename", "describe", "delete", "cleanup" },
            command => Assert.Contains($"  {command}", result.Stdout));
    }
}
