using System.Net;
using System.Text.Json;
using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Fake;

/// <summary>
///     The fake's <c>/v2/snapshots</c> over raw HTTP: Droplet snapshots are the account's own snapshot images, shown with
///     string ids and their Droplet; volume snapshots are a list of their own; envelopes, paging, errors and the token check
///     are those of images.
/// </summary>
public class SnapshotsApiTests
{
    private const string VolumeA = "fbe805e8-866b-11e6-96bf-000f53315a41";
    private const string VolumeB = "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e";
    private const string SourceVolume = "89bcc42f-85cf-11e6-a004-000f53315871";
    private const string NotASnapshot = "the resource is not a snapshot";
    private const string NotFound = "The resource you were accessing could not be found.";

    [Fact]
    public async Task The_list_shows_the_accounts_snapshot_images_then_the_volume_snapshots_with_exactly_the_spec_fields()
    {
        using var fake = StartMixed();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.GetAsync(client, "v2/snapshots");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["11", "14", VolumeA, VolumeB], answer.Strings("snapshots", "id"));
        Assert.Equal(4, answer.Total);
        var items = answer.Body.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.All(items, item => Assert.Equal(
            ["id", "name", "created_at", "regions", "resource_id", "resource_type", "min_disk_size", "size_gigabytes", "tags"],
            FakeApi.FieldNames(item)));
        Assert.All(items, item => Assert.Equal(JsonValueKind.String, item.GetProperty("id").ValueKind));

        var droplet = items[0];
        Assert.Equal("web-01-1595954862243", droplet.GetProperty("name").GetString());
        Assert.Equal("2020-07-28T16:47:44Z", droplet.GetProperty("created_at").GetString());
        Assert.Equal(["nyc3", "sfo3"], droplet.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("200776916", droplet.GetProperty("resource_id").GetString());
        Assert.Equal("droplet", droplet.GetProperty("resource_type").GetString());
        Assert.Equal(25, droplet.GetProperty("min_disk_size").GetInt32());
        Assert.Equal(2.34, droplet.GetProperty("size_gigabytes").GetDouble());
        Assert.Equal(["web", "env:prod"], droplet.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        // A snapshot whose Droplet the fake was not told has a null resource_id.
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("resource_id").ValueKind);

        var volume = items[2];
        Assert.Equal(SourceVolume, volume.GetProperty("resource_id").GetString());
        Assert.Equal("volume", volume.GetProperty("resource_type").GetString());
        Assert.Equal(0.1008, volume.GetProperty("size_gigabytes").GetDouble());
        Assert.Equal(["k8s"], volume.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory]
    [InlineData("resource_type=droplet", new[] { "11", "14" })]
    [InlineData("resource_type=volume", new[] { VolumeA, VolumeB })]
    [InlineData("resource_type=", new[] { "11", "14", VolumeA, VolumeB })]
    [InlineData("resource_type=image", new string[0])]
    [InlineData("resource_type=Droplet", new string[0])]
    public async Task Resource_type_filters_the_list_and_any_other_value_matches_nothing(string query, string[] ids)
    {
        using var fake = StartMixed();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.GetAsync(client, "v2/snapshots?" + query);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ids, answer.Strings("snapshots", "id"));
        Assert.Equal(ids.Length, answer.Total);
    }

    [Fact]
    public async Task The_list_is_paged_with_links_that_keep_the_filter()
    {
        var now = FakeCatalog.DefaultNow;
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            Seed = FakeCatalog.Realistic(now),
            VolumeSnapshots = FakeCatalog.RealisticVolumeSnapshots(now),
        });
        using var client = fake.CreateHttpClient();
        var expected = fake.Images.Where(i => i.Category == ImageCategory.User && i.Type == "snapshot").Select(i => i.Id.ToString())
            .Concat(fake.VolumeSnapshots.Select(v => v.Id))
            .ToArray();
        Assert.Equal(18 + 5, expected.Length);

        var first = await FakeApi.GetAsync(client, "v2/snapshots?per_page=10&page=1");
        var last = await FakeApi.GetAsync(client, "v2/snapshots?per_page=10&page=3");
        var droplets = await FakeApi.GetAsync(client, "v2/snapshots?resource_type=droplet&per_page=10");
        var byDefault = await FakeApi.GetAsync(client, "v2/snapshots");
        var capped = await FakeApi.GetAsync(client, "v2/snapshots?per_page=500");

        Assert.Equal(expected[..10], first.Strings("snapshots", "id"));
        Assert.Equal(expected[20..], last.Strings("snapshots", "id"));
        Assert.All(new[] { first, last, byDefault, capped }, a => Assert.Equal(23, a.Total));
        var root = fake.BaseAddress + "v2/snapshots?";
        Assert.Equal((root + "page=2&per_page=10", root + "page=3&per_page=10"), (first.Link("next"), first.Link("last")));
        Assert.Null(first.Link("prev"));
        Assert.Equal((root + "page=1&per_page=10", root + "page=2&per_page=10"), (last.Link("first"), last.Link("prev")));
        Assert.Null(last.Link("next"));
        Assert.Equal(18, droplets.Total);
        Assert.Equal(root + "page=2&per_page=10&resource_type=droplet", droplets.Link("next"));
        Assert.Equal(20, byDefault.Strings("snapshots", "id").Length);
        Assert.Equal(expected, capped.Strings("snapshots", "id"));
    }

    [Fact]
    public async Task The_realistic_catalogue_has_several_snapshots_per_Droplet_and_per_volume()
    {
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            Seed = FakeCatalog.Realistic(),
            VolumeSnapshots = FakeCatalog.RealisticVolumeSnapshots(),
        });
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.GetAsync(client, "v2/snapshots?per_page=200");

        var perSource = answer.Body.GetProperty("snapshots").EnumerateArray()
            .GroupBy(s => (Type: s.GetProperty("resource_type").GetString(), Id: s.GetProperty("resource_id").GetString()))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([6, 6, 6], perSource.Where(p => p.Key.Type == "droplet").Select(p => p.Value));
        Assert.Equal([3, 2], perSource.Where(p => p.Key.Type == "volume").Select(p => p.Value));
        Assert.DoesNotContain(perSource.Keys, k => k.Id is null);
    }

    [Fact]
    public async Task A_snapshot_is_read_by_its_image_id_or_its_uuid()
    {
        using var fake = StartMixed();
        using var client = fake.CreateHttpClient();

        var droplet = await FakeApi.GetAsync(client, "v2/snapshots/11");
        var volume = await FakeApi.GetAsync(client, "v2/snapshots/" + VolumeB);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (droplet.Status, volume.Status));
        var snapshot = droplet.Body.GetProperty("snapshot");
        Assert.Equal(("11", "200776916", "droplet"), (
            snapshot.GetProperty("id").GetString(),
            snapshot.GetProperty("resource_id").GetString(),
            snapshot.GetProperty("resource_type").GetString()));
        Assert.Equal(["snapshot"], FakeApi.FieldNames(droplet.Body));
        Assert.Equal((VolumeB, "volume"), (
            volume.Body.GetProperty("snapshot").GetProperty("id").GetString(),
            volume.Body.GetProperty("snapshot").GetProperty("resource_type").GetString()));
    }

    [Theory]
    [InlineData("12", HttpStatusCode.BadRequest, "bad_request", NotASnapshot)] // a backup
    [InlineData("13", HttpStatusCode.BadRequest, "bad_request", NotASnapshot)] // a custom image
    [InlineData("99", HttpStatusCode.NotFound, "not_found", NotFound)] // no such image
    [InlineData("10", HttpStatusCode.NotFound, "not_found", NotFound)] // a public image of type snapshot, not the account's
    [InlineData("5b1c2d3e-0000-4000-8000-000000000000", HttpStatusCode.NotFound, "not_found", NotFound)]
    [InlineData("not-a-uuid", HttpStatusCode.NotFound, "not_found", NotFound)]
    public async Task An_image_of_the_account_that_is_not_a_snapshot_is_a_400_and_an_unknown_id_a_404_to_get_and_to_delete(
        string id, HttpStatusCode status, string errorId, string message)
    {
        using var fake = StartMixed();
        using var client = fake.CreateHttpClient();

        var get = await FakeApi.GetAsync(client, "v2/snapshots/" + id);
        var delete = await FakeApi.SendAsync(client, HttpMethod.Delete, "v2/snapshots/" + id);

        Assert.Equal((status, status), (get.Status, delete.Status));
        Assert.Equal((errorId, message), get.Error());
        Assert.Equal((errorId, message), delete.Error());
        Assert.Equal([10L, 11, 12, 13, 14], fake.Images.Select(i => i.Id));
        Assert.Equal([VolumeA, VolumeB], fake.VolumeSnapshots.Select(v => v.Id));
    }

    [Fact]
    public async Task Deleting_a_Droplet_snapshot_deletes_its_image()
    {
        using var fake = StartMixed();
        using var client = fake.CreateHttpClient();

        var delete = await FakeApi.SendAsync(client, HttpMethod.Delete, "v2/snapshots/11");
        var image = await FakeApi.GetAsync(client, "v2/images/11");
        var images = await FakeApi.GetAsync(client, "v2/images?private=true");
        var snapshots = await FakeApi.GetAsync(client, "v2/snapshots");

        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(JsonValueKind.Undefined, delete.Body.ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, image.Status);
        Assert.DoesNotContain(11L, images.Body.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(3, images.Total);
        Assert.Equal(["14", VolumeA, VolumeB], snapshots.Strings("snapshots", "id"));
        Assert.Null(fake.FindImage(11));
    }

    [Fact]
    public async Task Deleting_a_volume_snapshot_removes_it_and_leaves_the_images()
    {
        using var fake = StartMixed();
        using var client = fake.CreateHttpClient();

        var delete = await FakeApi.SendAsync(client, HttpMethod.Delete, "v2/snapshots/" + VolumeA);
        var again = await FakeApi.SendAsync(client, HttpMethod.Delete, "v2/snapshots/" + VolumeA);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (delete.Status, again.Status));
        Assert.Equal([VolumeB], fake.VolumeSnapshots.Select(v => v.Id));
        Assert.Equal(5, fake.Images.Count);
    }

    [Theory]
    [InlineData("GET", "v2/snapshots")]
    [InlineData("GET", "v2/snapshots/11")]
    [InlineData("DELETE", "v2/snapshots/11")]
    [InlineData("DELETE", "v2/snapshots/" + VolumeA)]
    public async Task Without_the_token_every_call_is_a_401_and_changes_nothing(string method, string target)
    {
        using var fake = StartMixed();
        using var client = new HttpClient { BaseAddress = fake.BaseAddress };

        var answer = await FakeApi.SendAsync(client, new HttpMethod(method), target);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("unauthorized", answer.Error().Id);
        Assert.Equal(5, fake.Images.Count);
        Assert.Equal(2, fake.VolumeSnapshots.Count);
        Assert.False(Assert.Single(fake.Requests).HadValidToken);
    }

    [Fact]
    public async Task Snapshot_answers_carry_the_rate_limit_and_a_spent_budget_is_a_429()
    {
        using var fake = StartMixed(rateLimitRemaining: 1);
        using var client = fake.CreateHttpClient();

        var spending = await FakeApi.GetAsync(client, "v2/snapshots");
        var refused = await FakeApi.GetAsync(client, "v2/snapshots/11");

        Assert.Equal((HttpStatusCode.OK, "5000", "0"), (spending.Status, spending.Header("ratelimit-limit"), spending.Header("ratelimit-remaining")));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("too_many_requests", refused.Error().Id);
    }

    [Fact]
    public async Task Body_faults_break_a_snapshot_list_in_its_own_shape()
    {
        using var fake = StartMixed();
        using var client = fake.CreateHttpClient();
        fake.InjectFault(new FakeFault { PathPrefix = "/v2/snapshots", Kind = FaultKind.WrongFieldType });
        fake.InjectFault(new FakeFault { PathPrefix = "/v2/snapshots", Kind = FaultKind.MissingEnvelopeKey });

        var wrongType = await FakeApi.GetAsync(client, "v2/snapshots");
        var missingKey = await FakeApi.GetAsync(client, "v2/snapshots");
        var normal = await FakeApi.GetAsync(client, "v2/snapshots");

        Assert.Equal(JsonValueKind.Number, wrongType.Body.GetProperty("snapshots")[0].GetProperty("id").ValueKind);
        Assert.Equal(11, wrongType.Body.GetProperty("snapshots")[0].GetProperty("id").GetInt64());
        Assert.False(missingKey.Body.TryGetProperty("snapshots", out _));
        Assert.Equal(4, missingKey.Total);
        Assert.Equal(4, normal.Strings("snapshots", "id").Length);
    }

    [Theory]
    [InlineData("POST", "v2/snapshots", "GET")]
    [InlineData("PUT", "v2/snapshots/11", "GET, DELETE")]
    [InlineData("DELETE", "v2/images", "GET, POST")]
    [InlineData("POST", "v2/images/11", "GET, PUT, DELETE")]
    public async Task A_method_a_path_does_not_answer_is_a_405_with_the_APIs_error_body(string method, string target, string allow)
    {
        using var fake = StartMixed();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.SendAsync(client, new HttpMethod(method), target);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("method_not_allowed", answer.Error().Id);
        Assert.Equal(allow, answer.Header("Allow"));
        Assert.Equal(5, fake.Images.Count);
    }

    [Fact]
    public void Volume_snapshots_get_a_uuid_when_added_without_one_and_refuse_ids_that_are_not_uuids_or_taken()
    {
        using var fake = DigitalOceanFake.Start();

        var added = fake.AddVolumeSnapshot(new FakeVolumeSnapshot { Name = "new" });

        Assert.True(Guid.TryParseExact(added.Id, "D", out _), added.Id);
        Assert.Equal([added.Id], fake.VolumeSnapshots.Select(v => v.Id));
        Assert.Contains("not '12345'", Assert.Throws<ArgumentException>(() => fake.AddVolumeSnapshot(new FakeVolumeSnapshot { Id = "12345" })).Message);
        Assert.Contains(added.Id, Assert.Throws<ArgumentException>(() => fake.AddVolumeSnapshot(new FakeVolumeSnapshot { Id = added.Id })).Message);
    }

    /// <summary>
    ///     A public image of type snapshot (10), the account's Droplet snapshot of the spec's example (11), a backup (12), a
    ///     custom image (13), a snapshot whose Droplet is unknown (14), and the two volume snapshots.
    /// </summary>
    private static DigitalOceanFake StartMixed(int? rateLimitRemaining = null)
    {
        var created = new DateTimeOffset(2020, 7, 28, 16, 47, 44, TimeSpan.Zero);
        return DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            RateLimit = 5000,
            RateLimitRemaining = rateLimitRemaining,
            Seed =
            [
                new FakeImage { Id = 10, Name = "Ubuntu", Type = "snapshot", Public = true, Category = ImageCategory.Distribution, CreatedAt = created },
                new FakeImage
                {
                    Id = 11, Name = "web-01-1595954862243", Type = "snapshot", CreatedAt = created, Regions = ["nyc3", "sfo3"],
                    MinDiskSize = 25, SizeGigabytes = 2.34, Tags = ["web", "env:prod"], DropletId = 200776916,
                },
                new FakeImage { Id = 12, Name = "web-01 2020-07-29", Type = "backup", CreatedAt = created, DropletId = 200776916 },
                new FakeImage { Id = 13, Name = "talos", Type = "custom", CreatedAt = created },
                new FakeImage { Id = 14, Name = "orphan", Type = "snapshot", CreatedAt = created },
            ],
            VolumeSnapshots =
            [
                new FakeVolumeSnapshot
                {
                    Id = VolumeA, Name = "pvc-01-1595954862243", CreatedAt = new DateTimeOffset(2019, 9, 28, 23, 14, 30, TimeSpan.Zero),
                    Regions = ["nyc1"], VolumeId = SourceVolume, MinDiskSize = 2, SizeGigabytes = 0.1008, Tags = ["k8s"],
                },
                new FakeVolumeSnapshot { Id = VolumeB, Name = "pvc-02", CreatedAt = created, VolumeId = SourceVolume },
            ],
        });
    }
}
