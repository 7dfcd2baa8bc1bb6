using ImagesConsole.Tests.TestSupport;

namespace ImagesConsole.Tests;

/// <summary>Bad command lines: exit 2, one line that names the option and what it accepts, and not a single request.</summary>
public class UsageErrorTests
{
    private const string Url = "https://example.com/demo.qcow2";

    public static TheoryData<string[], string> BadValues => new()
    {
        { ["list", "--top", "abc"], "error: --top takes a whole number from 1 to 1000000, not 'abc'." },
        { ["list", "--top", "99999999999"], "error: --top takes a whole number from 1 to 1000000, not '99999999999'." },
        { ["list", "--top", "0"], "error: --top takes a whole number from 1 to 1000000, not '0'." },
        {
            ["cleanup", "--older-than", "30d", "--keep-newest", "abc"],
            "error: --keep-newest takes a whole number from 0 to 1000000, not 'abc'."
        },
        {
            ["list", "--older-than", "99999999d"],
            "error: --older-than takes a positive number and a unit (s, m, h, d or w) up to 36500d, such as 30d; not '99999999d'."
        },
        {
            ["list", "--older-than", "800000d"],
            "error: --older-than takes a positive number and a unit (s, m, h, d or w) up to 36500d, such as 30d; not '800000d'."
        },
        {
            ["cleanup", "--older-than", "soon"],
            "error: --older-than takes a positive number and a unit (s, m, h, d or w) up to 36500d, such as 30d; not 'soon'."
        },
        { ["import", "--name", "", "--url", Url, "--region", "nyc3"], "error: --name cannot be empty." },
        { ["import", "--name", "   ", "--url", Url, "--region", "nyc3"], "error: --name cannot be empty." },
        { ["import", "--name", "demo", "--url", "", "--region", "nyc3"], "error: --url takes an absolute http or https URL, not ''." },
        {
            ["import", "--name", "demo", "--url", "ftp://example.com/a.img", "--region", "nyc3"],
            "error: --url takes an absolute http or https URL, not 'ftp://example.com/a.img'."
        },
        { ["import", "--name", "demo", "--url", Url, "--region", ""], "error: --region cannot be empty." },
        {
            ["import", "--name", "demo", "--url", Url, "--region", "nyc3", "--timeout", "30m"],
            "error: --timeout only applies with --wait: add --wait, or leave --timeout out."
        },
        {
            ["import", "--name", "demo", "--url", Url, "--region", "nyc3", "--wait", "--timeout", "30"],
            "error: --timeout takes a positive number and a unit (s, m, h, d or w) up to 36500d, such as 30d; not '30'."
        },
        { ["rename", "abc", "x"], "error: <id> takes image ids (positive whole numbers), not 'abc'." },
        { ["rename", "3001", ""], "error: <new-name> cannot be empty." },
        { ["describe", "-5", "text"], "error: <id> takes image ids (positive whole numbers), not '-5'." },
        { ["delete", "abc", "3001"], "error: <id> takes image ids (positive whole numbers), not 'abc'." },
        { ["delete", "3001", "x1", "0"], "error: <id> takes image ids (positive whole numbers), not 'x1', '0'." },
        {
            ["list", "--format", "ID,Nmae"],
            "error: --format takes column names separated by commas, from ID, Name, Type, Distribution, Slug, Public, Regions, Size, "
            + "Created, Status, Tags; not 'Nmae'."
        },
        { ["import", "--name", "demo", "--region", "nyc3"], "error: Option '--url' is required." },
        { ["list", "--private", "--applications"], "error: Use at most one of --distributions, --applications and --private: the API lists one catalogue at a time." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_exits_2_with_one_line_naming_the_option_before_any_request(string[] args, string message)
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, args);

        result.AssertExit(2, message);
        Assert.Equal("", result.Stdout);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Base_url_without_any_token_is_refused()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(accessToken: null, "list", "--base-url", fake.BaseAddress.ToString());

        result.AssertExit(2, "error: --base-url needs a token: pass --token, or set DIGITALOCEAN_TOKEN or DIGITALOCEAN_ACCESS_TOKEN.");
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_base_url_that_is_not_http_is_refused()
    {
        var result = await App.RunAsync("some-token", "list", "--base-url", "127.0.0.1:8080");

        result.AssertExit(2, "error: --base-url takes an absolute http or https URL, not '127.0.0.1:8080'.");
    }

    [Fact]
    public async Task No_arguments_print_the_help()
    {
        var result = await App.RunAsync(accessToken: null);

        result.AssertExit(0);
        Assert.Contains("Usage:", result.Stdout);
        Assert.All(
            new[] { "list", "show", "import", "rename", "describe", "delete", "cleanup" },
            command => Assert.Contains($"  {command}", result.Stdout));
    }

    [Fact]
    public async Task The_help_of_delete_shows_that_it_takes_several_ids()
    {
        var result = await App.RunAsync(accessToken: null, "delete", "--help");

        result.AssertExit(0);
        Assert.Contains("delete <id>... [options]", result.Stdout);
        Assert.Contains("<id>  One or more image ids, separated by spaces.", result.Stdout);
    }

    [Fact]
    public async Task The_help_says_how_to_point_the_tool_at_a_fake_of_your_own()
    {
        var result = await App.RunAsync(accessToken: null, "--help");

        result.AssertExit(0);
        Assert.Contains("--base-url http://127.0.0.1:PORT/ --token fake-do-token", result.Stdout);
        Assert.Contains("--token <token>", result.Stdout);
    }

    [Fact]
    public async Task Timeout_takes_the_same_syntax_as_older_than_and_applies_with_wait()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, CommandLines.Import("demo", "--wait", "--timeout", "30m", "--json"));

        result.AssertNoStackTrace();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("available", result.Json().GetProperty("status").GetString());
    }
}
