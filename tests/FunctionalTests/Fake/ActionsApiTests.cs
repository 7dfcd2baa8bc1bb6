using System.Net;
using System.Text.Json;
using EFCore.DigitalOcean.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Fake;

/// <summary>
///     The fake's image actions over raw HTTP: transfer and convert start in progress with the spec's action object, fail
///     as the docs say, complete with time or polls on every read path, and change the image in every listing once done.
/// </summary>
public class ActionsApiTests
{
    private const long Snapshot = 11;
    private const long Backup = 12;
    private const long Custom = 13;
    private const long Distribution = 10;

    [Fact]
    public async Task A_transfer_starts_in_progress_with_exactly_the_spec_fields_and_the_target_regions_object()
    {
        using var fake = Start(new DigitalOceanFakeOptions { ActionPolls = 5 });
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/actions", """{"type":"transfer","region":"sfo3"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var action = answer.Body.GetProperty("action");
        Assert.Equal(
            ["id", "status", "type", "started_at", "completed_at", "resource_id", "resource_type", "region", "region_slug"],
            FakeApi.FieldNames(action));
        var stored = Assert.Single(fake.Actions);
        Assert.Equal(stored.Id, action.GetProperty("id").GetInt64());
        Assert.NotEqual(Snapshot, stored.Id);
        Assert.Equal("in-progress", action.GetProperty("status").GetString());
        Assert.Equal("transfer", action.GetProperty("type").GetString());
        Assert.Equal("2026-11-27T00:00:00Z", action.GetProperty("started_at").GetString());
        Assert.Equal(JsonValueKind.Null, action.GetProperty("completed_at").ValueKind);
        Assert.Equal(Snapshot, action.GetProperty("resource_id").GetInt64());
        Assert.Equal("image", action.GetProperty("resource_type").GetString());
        Assert.Equal("sfo3", action.GetProperty("region_slug").GetString());
        var region = action.GetProperty("region");
        Assert.Equal("sfo3", region.GetProperty("slug").GetString());
        Assert.Contains("image_transfer", region.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal((Snapshot, "transfer", "in-progress", "sfo3"), (stored.ImageId, stored.Type, stored.Status, stored.RegionSlug));
        Assert.Equal(["nyc3"], fake.FindImage(Snapshot)!.Regions);
    }

    [Fact]
    public async Task By_default_the_second_get_of_the_action_sees_it_completed_and_the_image_in_the_new_region_everywhere()
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();
        var id = await TransferToSfo3Async(client);

        var first = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/actions/{id}");
        var second = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/actions/{id}");

        Assert.Equal("in-progress", first.Body.GetProperty("action").GetProperty("status").GetString());
        Assert.Equal("completed", second.Body.GetProperty("action").GetProperty("status").GetString());
        Assert.Equal("2026-11-27T00:00:00Z", second.Body.GetProperty("action").GetProperty("completed_at").GetString());
        var image = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}");
        Assert.Equal(["nyc3", "sfo3"], Regions(image.Body.GetProperty("image")));
        var listed = await FakeApi.GetAsync(client, "v2/images?private=true");
        Assert.Equal(["nyc3", "sfo3"], Regions(Item(listed.Body, "images", Snapshot)));
        var snapshots = await FakeApi.GetAsync(client, "v2/snapshots");
        Assert.Equal(["nyc3", "sfo3"], Regions(Item(snapshots.Body, "snapshots", Snapshot)));
    }

    [Theory]
    [InlineData("image")]
    [InlineData("image list")]
    [InlineData("action list")]
    [InlineData("account action")]
    public async Task Every_read_path_counts_as_a_poll_so_a_client_that_waits_by_any_of_them_finishes(string path)
    {
        using var fake = Start(new DigitalOceanFakeOptions { ActionPolls = 3 });
        using var client = fake.CreateHttpClient();
        var id = await TransferToSfo3Async(client);
        var target = path switch
        {
            "image" => $"v2/images/{Snapshot}",
            "image list" => "v2/images?private=true",
            "action list" => $"v2/images/{Snapshot}/actions",
            _ => $"v2/actions/{id}",
        };

        var statuses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await FakeApi.GetAsync(client, target);
            statuses.Add(fake.Actions.Single().Status);
        }

        Assert.Equal(["in-progress", "in-progress", "completed"], statuses);
        Assert.Equal(["nyc3", "sfo3"], fake.FindImage(Snapshot)!.Regions);
    }

    [Fact]
    public async Task With_a_duration_an_action_completes_when_the_clock_says_so_whatever_the_number_of_reads()
    {
        var clock = new FakeTimeProvider(FakeCatalog.DefaultNow);
        using var fake = Start(new DigitalOceanFakeOptions { TimeProvider = clock, ActionDuration = TimeSpan.FromMinutes(20) });
        using var client = fake.CreateHttpClient();
        var id = await StartAsync(client, Backup, """{"type":"convert"}""");

        for (var i = 0; i < 5; i++)
        {
            var polled = await FakeApi.GetAsync(client, $"v2/images/{Backup}/actions/{id}");
            Assert.Equal("in-progress", polled.Body.GetProperty("action").GetProperty("status").GetString());
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        var listed = await FakeApi.GetAsync(client, "v2/images?private=true");

        Assert.Equal("snapshot", Item(listed.Body, "images", Backup).GetProperty("type").GetString());
        var done = await FakeApi.GetAsync(client, $"v2/actions/{id}");
        Assert.Equal("completed", done.Body.GetProperty("action").GetProperty("status").GetString());
        Assert.Equal("2026-11-27T00:20:00Z", done.Body.GetProperty("action").GetProperty("completed_at").GetString());
    }

    [Fact]
    public async Task A_convert_makes_the_backup_a_snapshot_in_the_image_and_in_the_snapshots_list()
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();
        var before = await FakeApi.GetAsync(client, "v2/snapshots");

        var answer = await FakeApi.PostAsync(client, $"v2/images/{Backup}/actions", """{"type":"convert"}""");
        var id = answer.Body.GetProperty("action").GetProperty("id").GetInt64();
        await FakeApi.GetAsync(client, $"v2/images/{Backup}/actions/{id}");
        await FakeApi.GetAsync(client, $"v2/images/{Backup}/actions/{id}");

        Assert.Equal("convert", answer.Body.GetProperty("action").GetProperty("type").GetString());
        Assert.Equal("nyc3", answer.Body.GetProperty("action").GetProperty("region_slug").GetString());
        Assert.DoesNotContain(Backup.ToString(), before.Strings("snapshots", "id"));
        var after = await FakeApi.GetAsync(client, "v2/snapshots");
        Assert.Contains(Backup.ToString(), after.Strings("snapshots", "id"));
        var image = await FakeApi.GetAsync(client, $"v2/images/{Backup}");
        Assert.Equal("snapshot", image.Body.GetProperty("image").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(Snapshot, """{"region":"sfo3"}""", 404, "not_found", "The specified action type is not available")]
    [InlineData(Snapshot, """{"type":"resize"}""", 404, "not_found", "The specified action type is not available")]
    [InlineData(Backup, """{"type":"transfer","region":"sfo3"}""", 422, "unprocessable_entity", "Backups can not be transfered. Convert the backup to a snapshot first.")]
    [InlineData(Snapshot, """{"type":"transfer","region":"nyc3"}""", 422, "unprocessable_entity", "The image is already in region nyc3")]
    [InlineData(Snapshot, """{"type":"transfer","region":"xyz9"}""", 422, "unprocessable_entity", "region 'xyz9' is not a valid region slug")]
    [InlineData(Snapshot, """{"type":"transfer","region":"syd1"}""", 422, "unprocessable_entity", "Region syd1 does not support image transfers")]
    [InlineData(Snapshot, """{"type":"transfer"}""", 422, "unprocessable_entity", "region is required for a transfer")]
    [InlineData(Snapshot, """{"type":"convert"}""", 422, "unprocessable_entity", "Only backups can be converted to snapshots; the image is a snapshot")]
    [InlineData(Custom, """{"type":"convert"}""", 422, "unprocessable_entity", "Only backups can be converted to snapshots; the image is a custom")]
    [InlineData(999, """{"type":"convert"}""", 404, "not_found", "The resource you were accessing could not be found.")]
    [InlineData(Distribution, """{"type":"transfer","region":"sfo3"}""", 404, "not_found", "The resource you were accessing could not be found.")]
    [InlineData(Snapshot, """{"type":1}""", 400, "bad_request", "error parsing request body")]
    public async Task An_action_that_cannot_start_is_refused_as_the_docs_say_and_starts_nothing(
        long imageId, string body, int status, string id, string message)
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.PostAsync(client, $"v2/images/{imageId}/actions", body);

        Assert.Equal((HttpStatusCode)status, answer.Status);
        Assert.Equal((id, message), answer.Error());
        Assert.Empty(fake.Actions);
    }

    [Fact]
    public async Task A_second_transfer_to_the_same_region_while_the_first_runs_is_refused()
    {
        using var fake = Start(new DigitalOceanFakeOptions { ActionPolls = 5 });
        using var client = fake.CreateHttpClient();
        await TransferToSfo3Async(client);

        var again = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/actions", """{"type":"transfer","region":"sfo3"}""");
        var other = await FakeApi.PostAsync(client, $"v2/images/{Snapshot}/actions", """{"type":"transfer","region":"ams3"}""");

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "A transfer of the image to sfo3 is already in progress"), (again.Status, again.Error().Message));
        Assert.Equal(HttpStatusCode.Created, other.Status);
        Assert.Equal(["sfo3", "ams3"], fake.Actions.Select(a => a.RegionSlug));
    }

    [Fact]
    public async Task The_action_list_is_paged_per_image_with_the_usual_envelope_and_the_account_path_reads_every_action()
    {
        using var fake = Start(new DigitalOceanFakeOptions { ActionPolls = 0 });
        using var client = fake.CreateHttpClient();
        var ids = new List<long>();
        foreach (var region in new[] { "sfo3", "ams3", "fra1" })
        {
            ids.Add(await StartAsync(client, Snapshot, $$"""{"type":"transfer","region":"{{region}}"}"""));
        }

        var convert = await StartAsync(client, Backup, """{"type":"convert"}""");

        var first = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/actions?per_page=2");
        var second = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/actions?per_page=2&page=2");
        var backupOnly = await FakeApi.GetAsync(client, $"v2/images/{Backup}/actions");
        var all = await FakeApi.GetAsync(client, "v2/actions");

        Assert.Equal(ids[..2], first.Body.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(ids[2..], second.Body.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal((3, 3), (first.Total, second.Total));
        var root = fake.BaseAddress + $"v2/images/{Snapshot}/actions?";
        Assert.Equal((root + "page=2&per_page=2", root + "page=2&per_page=2"), (first.Link("next"), first.Link("last")));
        Assert.Equal((root + "page=1&per_page=2", root + "page=1&per_page=2"), (second.Link("first"), second.Link("prev")));
        Assert.Equal([convert], backupOnly.Body.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(4, all.Total);
        Assert.All(first.Body.GetProperty("actions").EnumerateArray(), a => Assert.Equal("completed", a.GetProperty("status").GetString()));
        Assert.Equal(["nyc3", "sfo3", "ams3", "fra1"], fake.FindImage(Snapshot)!.Regions);
    }

    [Fact]
    public async Task An_action_is_found_only_under_its_own_image_and_unknown_ids_are_404()
    {
        using var fake = Start();
        using var client = fake.CreateHttpClient();
        var id = await TransferToSfo3Async(client);

        var underOther = await FakeApi.GetAsync(client, $"v2/images/{Backup}/actions/{id}");
        var unknownAction = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/actions/1");
        var unknownImage = await FakeApi.GetAsync(client, "v2/images/999/actions");
        var unknownAccountAction = await FakeApi.GetAsync(client, "v2/actions/1");
        var notANumber = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/actions/abc");

        Assert.All(new[] { underOther, unknownAction, unknownImage, unknownAccountAction, notANumber },
            a => Assert.Equal((HttpStatusCode.NotFound, "not_found"), (a.Status, a.Error().Id)));
        Assert.Equal("in-progress", fake.Actions.Single().Status);
    }

    [Fact]
    public async Task The_first_gets_of_a_new_action_can_answer_404_as_the_real_API_does_just_after_the_post()
    {
        using var fake = Start(new DigitalOceanFakeOptions { ActionNotFoundPolls = 2, ActionPolls = 1 });
        using var client = fake.CreateHttpClient();
        var id = await TransferToSfo3Async(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await FakeApi.GetAsync(client, i == 1 ? $"v2/actions/{id}" : $"v2/images/{Snapshot}/actions/{id}")).Status);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK], statuses);
        Assert.Equal("completed", fake.Actions.Single().Status);
    }

    [Fact]
    public async Task An_action_set_to_errored_fails_without_changing_the_image()
    {
        using var fake = Start(new DigitalOceanFakeOptions { ActionPolls = 5 });
        using var client = fake.CreateHttpClient();
        var id = await TransferToSfo3Async(client);

        fake.SetActionStatus(id, "errored");
        var answer = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/actions/{id}");

        Assert.Equal("errored", answer.Body.GetProperty("action").GetProperty("status").GetString());
        Assert.Equal("2026-11-27T00:00:00Z", answer.Body.GetProperty("action").GetProperty("completed_at").GetString());
        Assert.Equal(["nyc3"], fake.FindImage(Snapshot)!.Regions);
        Assert.Throws<ArgumentException>(() => fake.SetActionStatus(id, "done"));
        Assert.Throws<KeyNotFoundException>(() => fake.SetActionStatus(1, "errored"));
    }

    [Fact]
    public async Task An_action_whose_image_is_deleted_before_it_completes_errors()
    {
        using var fake = Start(new DigitalOceanFakeOptions { ActionPolls = 1 });
        using var client = fake.CreateHttpClient();
        var id = await TransferToSfo3Async(client);

        await FakeApi.SendAsync(client, HttpMethod.Delete, $"v2/images/{Snapshot}");
        var answer = await FakeApi.GetAsync(client, $"v2/actions/{id}");

        Assert.Equal("errored", answer.Body.GetProperty("action").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Actions_share_the_token_check_and_the_rate_limit()
    {
        using var fake = Start();
        using var anonymous = new HttpClient { BaseAddress = fake.BaseAddress };
        using var client = fake.CreateHttpClient();

        var unauthorized = await FakeApi.PostAsync(anonymous, $"v2/images/{Snapshot}/actions", """{"type":"convert"}""");
        fake.RateLimitRemaining = 0;
        var limited = await FakeApi.PostAsync(client, $"v2/images/{Backup}/actions", """{"type":"convert"}""");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests), (unauthorized.Status, limited.Status));
        Assert.Empty(fake.Actions);
        Assert.Equal(["POST", "POST"], fake.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_body_fault_on_the_action_list_keeps_its_shape_and_does_not_count_as_a_poll()
    {
        using var fake = Start(new DigitalOceanFakeOptions { ActionPolls = 1 });
        using var client = fake.CreateHttpClient();
        var id = await TransferToSfo3Async(client);
        fake.InjectFault(new FakeFault { PathPrefix = $"/v2/images/{Snapshot}/actions", Kind = FaultKind.MissingEnvelopeKey });

        var faulted = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}/actions");

        Assert.Equal(HttpStatusCode.OK, faulted.Status);
        Assert.False(faulted.Body.TryGetProperty("actions", out _));
        Assert.Equal(1, faulted.Total);
        Assert.Equal((id, "in-progress"), (fake.Actions.Single().Id, fake.Actions.Single().Status));
    }

    private static Task<long> TransferToSfo3Async(HttpClient client) => StartAsync(client, Snapshot, """{"type":"transfer","region":"sfo3"}""");

    private static async Task<long> StartAsync(HttpClient client, long imageId, string body)
    {
        var answer = await FakeApi.PostAsync(client, $"v2/images/{imageId}/actions", body);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Body.GetProperty("action").GetProperty("id").GetInt64();
    }

    private static string[] Regions(JsonElement image) => [.. image.GetProperty("regions").EnumerateArray().Select(r => r.GetString()!)];

    private static JsonElement Item(JsonElement body, string listKey, long id) =>
        body.GetProperty(listKey).EnumerateArray().Single(i => i.GetProperty("id").ToString() == id.ToString());

    internal static DigitalOceanFake Start(DigitalOceanFakeOptions? options = null)
    {
        var created = FakeCatalog.DefaultNow;
        var settings = options ?? new DigitalOceanFakeOptions();
        return DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            TimeProvider = settings.TimeProvider == TimeProvider.System ? new FakeTimeProvider(created) : settings.TimeProvider,
            ActionDuration = settings.ActionDuration,
            ActionPolls = settings.ActionPolls,
            ActionNotFoundPolls = settings.ActionNotFoundPolls,
            Teams = settings.Teams,
            Seed =
            [
                new FakeImage { Id = Distribution, Name = "Ubuntu", Type = "snapshot", Public = true, Category = ImageCategory.Distribution, CreatedAt = created, Regions = ["nyc3"] },
                new FakeImage { Id = Snapshot, Name = "web-01", Type = "snapshot", CreatedAt = created, Regions = ["nyc3"], Tags = ["web"], DropletId = 200776916 },
                new FakeImage { Id = Backup, Name = "web-01 2020-07-29", Type = "backup", CreatedAt = created, Regions = ["nyc3"], DropletId = 200776916 },
                new FakeImage { Id = Custom, Name = "talos", Type = "custom", CreatedAt = created, Regions = ["nyc3"] },
            ],
        });
    }
}
