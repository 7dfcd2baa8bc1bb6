using EFCore.DigitalOcean.Testing;
using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

public class LifecycleCommandTests
{
    private const string TeamThatAccepts = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    [Fact]
    public async Task Snapshots_volume_pushes_the_resource_type_and_lists_only_volume_snapshots()
    {
        using var fake = App.StartFake();
        fake.AddVolumeSnapshot(new FakeVolumeSnapshot
        {
            Id = "1f2e3d4c-0000-4000-8000-000000000001", Name = "pgdata-weekly", CreatedAt = DateTimeOffset.UtcNow.AddDays(-2),
            Regions = ["nyc1"], VolumeId = "vol-1", SizeGigabytes = 12,
        });

        var result = await App.RunAsync(fake, "snapshots", "--volume", "--format", "ID,Source,Source ID");

        result.AssertExit(0);
        Assert.Equal(["ID\tSource\tSource ID", "1f2e3d4c-0000-4000-8000-000000000001\tvolume\tvol-1"], result.OutputLines);
        var request = Assert.Single(fake.Requests);
        Assert.Equal(("GET", "/v2/snapshots"), (request.Method, request.Path));
        Assert.Equal("page=1&per_page=200&resource_type=volume", RequestLog.SortedQuery(request));
    }

    [Fact]
    public async Task Snapshots_refuses_droplet_and_volume_together_before_any_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "snapshots", "--droplet", "--volume");

        result.AssertExit(2, "error: Use at most one of --droplet and --volume: the API lists one resource type at a time.");
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Regions_json_lists_each_region_with_its_features_in_one_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "regions", "--json");

        result.AssertExit(0);
        var regions = result.Json().EnumerateArray().ToDictionary(r => r.GetProperty("slug").GetString()!);
        Assert.False(regions["ams2"].GetProperty("available").GetBoolean());
        Assert.DoesNotContain("image_transfer", regions["syd1"].GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("image_transfer", regions["sfo3"].GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["GET /v2/regions"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task Regions_table_says_which_regions_take_image_transfers()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "regions", "--format", "Slug,Available,Image transfer", "--no-header");

        result.AssertExit(0);
        Assert.Contains("syd1\tyes\tno", result.OutputLines);
        Assert.Contains("sfo2\tno\tyes", result.OutputLines);
        Assert.Contains("nyc3\tyes\tyes", result.OutputLines);
    }

    [Fact]
    public async Task A_failed_regions_listing_is_one_line_in_the_tools_words()
    {
        using var fake = App.StartFake();
        fake.InjectFault(new FakeFault { Method = "GET", PathPrefix = "/v2/regions", StatusCode = 403, Times = int.MaxValue });

        var result = await App.RunAsync(fake, "regions");

        Assert.Equal(1, result.ExitCode);
        result.AssertNoStackTrace();
        var line = Assert.Single(result.MessageLines);
        Assert.StartsWith("error: could not list regions: GET /v2/regions", line);
        Assert.Contains("403", line);
    }

    [Fact]
    public async Task A_retried_request_shows_the_retrying_notice()
    {
        using var fake = App.StartFake();
        fake.InjectFault(new FakeFault { Method = "GET", PathPrefix = "/v2/regions", StatusCode = 503, Times = 1 });

        var result = await App.RunAsync(fake, "regions", "--json");

        result.AssertNoStackTrace();
        Assert.Equal(0, result.ExitCode);
        var notice = Assert.Single(result.ErrorLines);
        Assert.StartsWith("retrying: ", notice);
        Assert.Contains("GET /v2/regions", notice);
        Assert.Contains("503", notice);
        Assert.Equal(["GET /v2/regions", "GET /v2/regions"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task Transfer_sends_one_transfer_action_per_new_region_and_wait_follows_them()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "transfer", $"{WebSnapshot}", "--region", "sfo3", "ams3", "nyc3", "--wait", "--json");

        result.AssertExit(0, "Transfer to sfo3: completed.", "Transfer to ams3: completed.");
        var posts = fake.Requests.Where(r => r.Method == "POST").ToList();
        Assert.All(posts, p => Assert.Equal($"/v2/images/{WebSnapshot}/actions", p.Path));
        Assert.Equal(
            ["""{"type":"transfer","region":"ams3"}""", """{"type":"transfer","region":"sfo3"}"""],
            posts.Select(p => p.Body!).Order(StringComparer.Ordinal));
        Assert.Equal(["ams3", "nyc3", "sfo3"], fake.FindImage(WebSnapshot)!.Regions.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["ams3", "nyc3", "sfo3"], result.Json().GetProperty("regions").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(fake.Requests, r => r.Method is "PUT" or "DELETE");
    }

    [Fact]
    public async Task A_transfer_to_a_region_without_image_transfers_fails_in_the_tools_words()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "transfer", $"{WebSnapshot}", "--region", "syd1");

        Assert.Equal(1, result.ExitCode);
        result.AssertNoStackTrace();
        var line = Assert.Single(result.MessageLines);
        Assert.StartsWith(
            $"error: could not transfer image {WebSnapshot}: POST /v2/images/{WebSnapshot}/actions failed with 422 unprocessable_entity: "
            + "Region syd1 does not support image transfers (request id ", line);
        var post = RequestLog.Single(fake, "POST");
        Assert.Equal("""{"type":"transfer","region":"syd1"}""", post.Body);
        Assert.Equal(["nyc3"], fake.FindImage(WebSnapshot)!.Regions);
    }

    [Fact]
    public async Task A_transfer_that_ends_as_errored_fails_the_wait_naming_the_action_and_region()
    {
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = Build(), ActionPolls = 1000 });

        var run = App.Start(fake, "transfer", $"{WebSnapshot}", "--region", "sfo3", "--wait");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!fake.Requests.Any(r => r.Method == "GET" && r.Path.Contains("/actions/", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var action = Assert.Single(fake.Actions);
        fake.SetActionStatus(action.Id, "errored");
        var result = await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        result.AssertExit(1, $"error: action {action.Id} on image {WebSnapshot} (Transfer to sfo3) ended as errored");
        Assert.Equal("", result.Stdout);
        Assert.Single(fake.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_transfer_to_regions_the_image_is_in_already_succeeds_with_one_get_and_nothing_to_wait_for()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "transfer", $"{WebSnapshot}", "--region", "nyc3", "--wait", "--json");

        result.AssertExit(0, $"Image {WebSnapshot} is already in nyc3: nothing to transfer.");
        Assert.Equal([$"GET /v2/images/{WebSnapshot}"], RequestLog.Lines(fake));
        Assert.Equal(["nyc3"], result.Json().GetProperty("regions").EnumerateArray().Select(r => r.GetString()!));
    }

    [Fact]
    public async Task A_transfer_wait_that_outlasts_its_timeout_fails_saying_the_actions_go_on()
    {
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = Build(), ActionPolls = 1000 });

        var result = await App.RunAsync(fake, "transfer", $"{WebSnapshot}", "--region", "sfo3", "--wait", "--timeout", "1s");

        result.AssertExit(
            1, $"error: the actions on image {WebSnapshot} had not completed within 1s; they go on at DigitalOcean: 'actions {WebSnapshot}' follows them");
        Assert.Single(fake.Requests, r => r.Method == "POST");
        Assert.Contains(fake.Requests, r => r.Method == "GET" && r.Path.Contains("/actions/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("transfer", "--region", "sfo3")]
    [InlineData("convert")]
    public async Task A_timeout_without_wait_is_refused_before_any_request(params string[] args)
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, [args[0], $"{WebSnapshot}", .. args[1..], "--timeout", "5m"]);

        result.AssertExit(2, "error: --timeout only applies with --wait: add --wait, or leave --timeout out.");
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Transfer_refuses_a_malformed_region_before_any_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "transfer", $"{WebSnapshot}", "--region", "SFO 3");

        result.AssertExit(2, "error: --region takes region slugs such as nyc3 (the 'regions' command lists them), not 'SFO 3'.");
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Convert_turns_a_backup_into_a_snapshot_with_one_convert_action()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "convert", $"{DbBackup}", "--wait", "--json");

        result.AssertExit(0, "Convert to a snapshot: completed.");
        var post = RequestLog.Single(fake, "POST");
        Assert.Equal(($"/v2/images/{DbBackup}/actions", """{"type":"convert"}"""), (post.Path, post.Body));
        Assert.Equal("snapshot", fake.FindImage(DbBackup)!.Type);
        Assert.Equal("snapshot", result.Json().GetProperty("type").GetString());
    }

    [Fact]
    public async Task Convert_refuses_an_image_that_is_not_a_backup_after_one_get()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "convert", $"{WebSnapshot}");

        result.AssertExit(
            1, $"error: could not convert image {WebSnapshot}: only a backup can be converted to a snapshot, and it is a snapshot");
        Assert.Equal([$"GET /v2/images/{WebSnapshot}"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task Convert_refuses_a_bad_id_before_any_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "convert", "abc");

        result.AssertExit(2, "error: <id> takes image ids (positive whole numbers), not 'abc'.");
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Tag_adds_only_the_tags_the_image_lacks()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "tag", $"{WebSnapshot}", "web", "keep", "--json");

        result.AssertExit(0);
        Assert.Equal([$"GET /v2/images/{WebSnapshot}", "POST /v2/tags", "POST /v2/tags/keep/resources"], RequestLog.Lines(fake));
        Assert.Equal(
            $$"""{"resources":[{"resource_id":"{{WebSnapshot}}","resource_type":"image"}]}""",
            fake.Requests.Single(r => r.Path == "/v2/tags/keep/resources").Body);
        Assert.Equal(["keep", "web"], fake.FindImage(WebSnapshot)!.Tags!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tag_where_name_contains_is_one_save_with_one_request_per_tag_for_every_image()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "tag", "--where-name-contains", "WEB-01", "keep", "audit");

        // web-01 old snapshot (3001), web-01 snapshot (3002), web-01 fresh snapshot (3006), in the order the API lists them.
        result.AssertExit(0, $"Tagged 3 images with keep, audit: {OldWebSnapshot}, {WebSnapshot}, {FreshWebSnapshot}.");
        var listing = Assert.Single(fake.Requests, r => r.Method == "GET");
        Assert.Equal("page=1&per_page=200&private=true", RequestLog.SortedQuery(listing));
        Assert.Equal(["/v2/tags", "/v2/tags", "/v2/tags/audit/resources", "/v2/tags/keep/resources"], RequestLog.SortedPaths(fake, "POST"));
        Assert.Equal(5, fake.Requests.Count);
        foreach (var tag in new[] { "keep", "audit" })
        {
            var body = fake.Requests.Single(r => r.Path == $"/v2/tags/{tag}/resources").Body!;
            Assert.All(new[] { OldWebSnapshot, WebSnapshot, FreshWebSnapshot }, id => Assert.Contains($"\"resource_id\":\"{id}\"", body));
            Assert.DoesNotContain($"\"{RecentWebSnapshot}\"", body);
        }
    }

    [Fact]
    public async Task Tag_with_no_matching_image_fails_and_writes_nothing()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "tag", "--where-name-contains", "nothing-like-this", "keep");

        result.AssertExit(1, "error: could not tag the images whose name contains 'nothing-like-this': no image of yours has such a name");
        Assert.DoesNotContain(fake.Requests, r => r.Method != "GET");
    }

    [Theory]
    [InlineData("tag", "3001", "bad tag")]
    [InlineData("tag", "keep")]
    [InlineData("untag", "3001", "no/slash")]
    public async Task Tag_and_untag_refuse_bad_input_before_any_request(params string[] args)
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, args);

        Assert.Equal(2, result.ExitCode);
        result.AssertNoStackTrace();
        Assert.StartsWith("error: ", Assert.Single(result.MessageLines));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Untag_removes_only_the_tags_the_image_has()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "untag", $"{OldWebSnapshot}", "web", "never-had", "--json");

        result.AssertExit(0);
        Assert.Equal([$"GET /v2/images/{OldWebSnapshot}", "DELETE /v2/tags/web/resources"], RequestLog.Lines(fake));
        Assert.Equal(["prod"], fake.FindImage(OldWebSnapshot)!.Tags);
    }

    [Fact]
    public async Task Untag_of_a_missing_image_fails_after_one_get()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "untag", "9999", "web");

        result.AssertExit(1, "error: could not untag image 9999: no image has this id");
        Assert.Equal(["GET /v2/images/9999"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task Give_to_an_email_starts_a_pending_transfer_and_prints_its_id()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "give", $"{WebSnapshot}", "--to", "ops@example.com");

        var transfer = Assert.Single(fake.AccountTransfers);
        result.AssertExit(0, $"Offered image {WebSnapshot} to ops@example.com: transfer {transfer.Id} waits for the recipient to accept it.");
        Assert.Equal([transfer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], result.OutputLines);
        var post = RequestLog.Single(fake, "POST");
        Assert.Equal($"/v2/images/{WebSnapshot}/account_transfer", post.Path);
        Assert.Equal(["recipient_email=ops@example.com"], RequestLog.BodyFields(post));
        Assert.NotNull(fake.FindImage(WebSnapshot));
    }

    [Fact]
    public async Task Give_to_a_team_that_accepts_at_once_says_the_image_left()
    {
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = Build(), Teams = [Guid.Parse(TeamThatAccepts)] });

        var result = await App.RunAsync(fake, "give", $"{WebSnapshot}", "--to", TeamThatAccepts);

        result.AssertExit(0, $"Image {WebSnapshot} was given to {TeamThatAccepts}: it has left this account.");
        Assert.Equal([$"recipient_uuid={TeamThatAccepts}"], RequestLog.BodyFields(RequestLog.Single(fake, "POST")));
        Assert.Null(fake.FindImage(WebSnapshot));
    }

    [Fact]
    public async Task Give_refuses_a_recipient_that_is_neither_an_email_nor_a_uuid_before_any_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "give", $"{WebSnapshot}", "--to", "ops");

        result.AssertExit(2, "error: --to takes an email address or a team's UUID, not 'ops'.");
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Give_of_a_backup_is_refused_by_the_provider_before_the_post()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "give", $"{DbBackup}", "--to", "ops@example.com");

        Assert.Equal(1, result.ExitCode);
        result.AssertNoStackTrace();
        Assert.StartsWith($"error: could not give image {DbBackup} to ops@example.com: ", Assert.Single(result.MessageLines));
        Assert.Equal([$"GET /v2/images/{DbBackup}"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task Actions_lists_the_history_of_an_image_in_one_request()
    {
        using var fake = App.StartFake();
        await App.RunAsync(fake, "transfer", $"{WebSnapshot}", "--region", "sfo3", "--wait");
        fake.ClearRequests();

        var result = await App.RunAsync(fake, "actions", $"{WebSnapshot}", "--format", "Type,Region,Status", "--no-header");

        result.AssertExit(0);
        Assert.Equal(["transfer\tsfo3\tcompleted"], result.OutputLines);
        Assert.Equal([$"GET /v2/images/{WebSnapshot}/actions"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task Actions_refuses_a_bad_id_before_any_request()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "actions", "0");

        result.AssertExit(2, "error: <id> takes image ids (positive whole numbers), not '0'.");
        Assert.Empty(fake.Requests);
    }
}
