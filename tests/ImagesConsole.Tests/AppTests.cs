using EFCore.DigitalOcean.Testing;
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

    [Fact]
    public async Task Base_url_works_with_the_fakes_token_given_by_option_and_the_token_is_never_shown()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(
            accessToken: null, "show", TalosCustom.ToString(), "--json", "--verbose", "--base-url", fake.BaseAddress.ToString(),
            "--token", fake.AccessToken);

        result.AssertNoStackTrace();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(TalosCustom, result.Json().GetProperty("id").GetInt64());
        Assert.DoesNotContain("local simulation", result.Stderr);
        Assert.True(Assert.Single(fake.Requests).HadValidToken);
        Assert.DoesNotContain(fake.AccessToken, result.Stderr + result.Stdout);
    }

    [Fact]
    public async Task The_option_token_wins_over_the_environment()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(
            "a-stale-token", "show", TalosCustom.ToString(), "--json", "--base-url", fake.BaseAddress.ToString(), "--token", fake.AccessToken);

        Assert.Equal(0, result.ExitCode);
        Assert.True(Assert.Single(fake.Requests).HadValidToken);
    }

    [Fact]
    public async Task Verbose_turns_on_sensitive_data_logging_so_the_log_shows_request_bodies_but_never_the_token()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(
            fake, CommandLines.Import("demo", "--verbose", "--json"));

        Assert.Equal(0, result.ExitCode);
        var post = RequestLog.Single(fake, "POST");
        var log = Assert.Single(result.ErrorLines, line => line.Contains("HTTP request POST /v2/images"));
        Assert.EndsWith(" " + post.Body, log);
        Assert.DoesNotContain(fake.AccessToken, result.Stderr + result.Stdout);
    }

    [Fact]
    public async Task Progress_says_when_the_provider_throttles()
    {
        // The fake's window resets three seconds from now, with few requests left: the provider spaces the deletions out.
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            Seed = TestCatalog.Build(),
            AccessToken = "throttle-test-token",
            RateLimitRemaining = 9,
            TimeProvider = new ShiftedClock(TimeSpan.FromSeconds(3) - TimeSpan.FromHours(1)),
        });

        var result = await App.RunAsync(fake, "cleanup", "--older-than", "30d", "--yes");

        result.AssertNoStackTrace();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            result.ErrorLines,
            line => line.StartsWith("throttled: Only ", StringComparison.Ordinal)
                && line.Contains(" requests are left in the DigitalOcean rate-limit window; waiting ", StringComparison.Ordinal));
        Assert.Equal(3, fake.Requests.Count(r => r.Method == "DELETE"));
    }

    /// <summary>The system clock moved by an offset, so that the fake's rate-limit window ends soon.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
