using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

public class ListCommandTests
{
    [Fact]
    public async Task Private_snapshots_older_than_an_age_send_only_the_private_scope_and_come_newest_first()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "list", "--private", "--type", "snapshot", "--older-than", "30d", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([WebSnapshot, OldWebSnapshot], AppResult.Ids(result.Json()));
        var request = Assert.Single(fake.Requests);
        Assert.Equal("GET /v2/images", $"{request.Method} {request.Path}");
        Assert.Equal("page=1&per_page=200&private=true", RequestLog.SortedQuery(request));
    }

    [Fact]
    public async Task A_tag_without_a_scope_is_sent_as_tag_name_and_name_and_top_apply_to_what_comes_back()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "list", "--tag", "prod", "--name-contains", "WEB", "--top", "2", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([FreshWebSnapshot, RecentWebSnapshot], AppResult.Ids(result.Json()));
        var request = Assert.Single(fake.Requests);
        Assert.Equal("page=1&per_page=200&tag_name=prod", RequestLog.SortedQuery(request));
    }

    [Fact]
    public async Task Distributions_send_type_distribution()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "list", "--distributions", "--json");

        Assert.Equal(0, result.ExitCode);
        var image = Assert.Single(result.Json().EnumerateArray());
        Assert.Equal(UbuntuDistribution, image.GetProperty("id").GetInt64());
        Assert.Equal(UbuntuSlug, image.GetProperty("slug").GetString());
        Assert.Equal("page=1&per_page=200&type=distribution", RequestLog.SortedQuery(Assert.Single(fake.Requests)));
    }

    [Fact]
    public async Task Two_scopes_are_refused_before_any_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "list", "--private", "--applications");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("at most one of --distributions, --applications and --private", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Without_json_the_images_are_a_plain_table_on_stdout()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "list", "--private", "--top", "1");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Contains(lines, line => line.Contains("ID") && line.Contains("Name") && line.Contains("Created") && line.Contains("Status"));
        var row = Assert.Single(lines, line => line.Contains(FreshWebSnapshot.ToString()));
        Assert.Contains("web-01 fresh snapshot", row);
        Assert.Contains("available", row);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }
}
