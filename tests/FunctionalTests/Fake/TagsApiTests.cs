using System.Net;
using System.Text.Json;
using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Fake;

/// <summary>
///     The fake's tags over raw HTTP: one store shared by the images, so the tags endpoints, each image's <c>tags</c> and
///     <c>tag_name=</c> listings agree; names are validated as the spec says and case-stable in URLs.
/// </summary>
public class TagsApiTests
{
    private const long Snapshot = 11;
    private const long Backup = 12;
    private const long Custom = 13;

    [Fact]
    public async Task Creating_a_tag_answers_201_with_the_spec_tag_object_and_the_tag_exists_with_no_resources()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.PostAsync(client, "v2/tags", """{"name":"prod"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var tag = answer.Body.GetProperty("tag");
        Assert.Equal(["name", "resources"], FakeApi.FieldNames(tag));
        Assert.Equal("prod", tag.GetProperty("name").GetString());
        var resources = tag.GetProperty("resources");
        Assert.Equal(["count", "images", "droplets", "volumes", "volume_snapshots", "databases"], FakeApi.FieldNames(resources));
        Assert.All(resources.EnumerateObject().Where(p => p.Name != "count"), p => Assert.Equal(0, p.Value.GetProperty("count").GetInt32()));
        Assert.Equal(0, resources.GetProperty("count").GetInt32());
        Assert.Equal(["web", "prod"], fake.Tags);
    }

    [Fact]
    public async Task Creating_a_tag_that_exists_in_another_case_answers_201_with_the_existing_tag_in_its_canonical_case()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();
        await FakeApi.PostAsync(client, "v2/tags", """{"name":"PROD"}""");

        var again = await FakeApi.PostAsync(client, "v2/tags", """{"name":"prod"}""");

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal("PROD", again.Body.GetProperty("tag").GetProperty("name").GetString());
        Assert.Equal(["web", "PROD"], fake.Tags);
    }

    [Theory]
    [InlineData("""{"name":"has space"}""", "tag-name \"has space\" contains invalid characters")]
    [InlineData("""{"name":"здорово"}""", "tag-name \"здорово\" contains invalid characters")]
    [InlineData("""{"name":""}""", "tag-name is required")]
    [InlineData("""{}""", "tag-name is required")]
    public async Task An_invalid_name_is_a_400_with_the_error_with_root_causes_shape(string body, string problem)
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.PostAsync(client, "v2/tags", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["error", "messages", "root_causes"], FakeApi.FieldNames(answer.Body));
        var error = $"Error validating resource tag: \"{problem}\"";
        Assert.Equal(error, answer.Body.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, answer.Body.GetProperty("messages").ValueKind);
        Assert.Equal(["rpc error: code = InvalidArgument desc = " + error],
            answer.Body.GetProperty("root_causes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["web"], fake.Tags);
    }

    [Fact]
    public async Task A_name_of_255_characters_is_accepted_and_one_of_256_refused()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();
        var longest = new string('a', 254) + ":";

        var accepted = await FakeApi.PostAsync(client, "v2/tags", $$"""{"name":"{{longest}}"}""");
        var refused = await FakeApi.PostAsync(client, "v2/tags", $$"""{"name":"{{longest}}b"}""");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.BadRequest), (accepted.Status, refused.Status));
        Assert.Equal(["web", longest], fake.Tags);
    }

    [Fact]
    public async Task Tagging_images_shows_in_the_tag_the_images_and_the_tag_name_listing()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();
        await FakeApi.PostAsync(client, "v2/tags", """{"name":"prod"}""");

        var tagged = await FakeApi.PostAsync(client, "v2/tags/prod/resources",
            """{"resources":[{"resource_id":"11","resource_type":"image"},{"resource_id":"13","resource_type":"image"}]}""");

        Assert.Equal(HttpStatusCode.NoContent, tagged.Status);
        var listing = await FakeApi.GetAsync(client, "v2/images?tag_name=prod");
        Assert.Equal(["11", "13"], listing.Body.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").ToString()));
        var image = await FakeApi.GetAsync(client, $"v2/images/{Snapshot}");
        Assert.Equal(["web", "prod"], image.Body.GetProperty("image").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var tag = (await FakeApi.GetAsync(client, "v2/tags/prod")).Body.GetProperty("tag").GetProperty("resources");
        Assert.Equal(2, tag.GetProperty("count").GetInt32());
        Assert.Equal(2, tag.GetProperty("images").GetProperty("count").GetInt32());
        Assert.Equal(fake.BaseAddress + "v2/images/13", tag.GetProperty("images").GetProperty("last_tagged_uri").GetString());
        var snapshot = (await FakeApi.GetAsync(client, $"v2/snapshots/{Snapshot}")).Body.GetProperty("snapshot");
        Assert.Equal(["web", "prod"], snapshot.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Untagging_removes_the_tag_from_the_images_only_and_the_tag_stays()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var untagged = await FakeApi.SendAsync(client, HttpMethod.Delete, "v2/tags/web/resources",
            """{"resources":[{"resource_id":"11","resource_type":"image"}]}""");

        Assert.Equal(HttpStatusCode.NoContent, untagged.Status);
        Assert.Empty(fake.FindImage(Snapshot)!.Tags!);
        Assert.Equal(0, (await FakeApi.GetAsync(client, "v2/images?tag_name=web")).Total);
        var tag = (await FakeApi.GetAsync(client, "v2/tags/web")).Body.GetProperty("tag").GetProperty("resources");
        Assert.Equal(0, tag.GetProperty("count").GetInt32());
        Assert.False(tag.TryGetProperty("last_tagged_uri", out _));
        Assert.Equal(["web"], fake.Tags);
    }

    [Fact]
    public async Task Deleting_a_tag_answers_204_and_takes_it_off_every_image()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();
        await FakeApi.PostAsync(client, "v2/tags/web/resources", """{"resources":[{"resource_id":"12","resource_type":"image"}]}""");
        Assert.Equal(["web"], fake.FindImage(Backup)!.Tags!);

        var deleted = await FakeApi.SendAsync(client, HttpMethod.Delete, "v2/tags/web");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Empty(fake.Tags);
        Assert.All(fake.Images, i => Assert.DoesNotContain("web", i.Tags ?? []));
        Assert.Equal(HttpStatusCode.NotFound, (await FakeApi.GetAsync(client, "v2/tags/web")).Status);
    }

    [Theory]
    [InlineData("GET", "v2/tags/WEB", null)]
    [InlineData("DELETE", "v2/tags/WEB", null)]
    [InlineData("POST", "v2/tags/WEB/resources", """{"resources":[{"resource_id":"13","resource_type":"image"}]}""")]
    [InlineData("DELETE", "v2/tags/Web/resources", """{"resources":[{"resource_id":"11","resource_type":"image"}]}""")]
    [InlineData("POST", "v2/tags/nope/resources", """{"resources":[{"resource_id":"13","resource_type":"image"}]}""")]
    [InlineData("POST", "v2/tags/web/resources", """{"resources":[{"resource_id":"999","resource_type":"image"}]}""")]
    [InlineData("POST", "v2/tags/web/resources", """{"resources":[{"resource_id":"13","resource_type":"image"},{"resource_id":"5","resource_type":"droplet"}]}""")]
    public async Task A_tag_in_another_case_or_a_resource_the_account_lacks_is_a_404_that_changes_nothing(string method, string target, string? body)
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.SendAsync(client, new HttpMethod(method), target, body);

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (answer.Status, answer.Error().Id));
        Assert.Equal(["web"], fake.Tags);
        Assert.Equal(["web"], fake.FindImage(Snapshot)!.Tags!);
        Assert.Empty(fake.FindImage(Custom)!.Tags!);
    }

    [Theory]
    [InlineData("""{"resources":[{"resource_id":13,"resource_type":"image"}]}""")]
    [InlineData("""{"resources":[]}""")]
    [InlineData("""{"resources":[{"resource_id":"13","resource_type":"server"}]}""")]
    [InlineData("""not json""")]
    public async Task A_resources_body_that_breaks_the_spec_is_a_400(string body)
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.PostAsync(client, "v2/tags/web/resources", body);

        Assert.Equal((HttpStatusCode.BadRequest, "bad_request"), (answer.Status, answer.Error().Id));
        Assert.Empty(fake.FindImage(Custom)!.Tags!);
    }

    [Fact]
    public async Task The_tag_list_is_paged_with_the_usual_envelope()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await FakeApi.PostAsync(client, "v2/tags", $$"""{"name":"{{name}}"}""");
        }

        var first = await FakeApi.GetAsync(client, "v2/tags?per_page=3");
        var second = await FakeApi.GetAsync(client, "v2/tags?per_page=3&page=2");

        Assert.Equal(["web", "a", "b"], first.Strings("tags", "name"));
        Assert.Equal(["c"], second.Strings("tags", "name"));
        Assert.Equal((4, 4), (first.Total, second.Total));
        Assert.Equal(fake.BaseAddress + "v2/tags?page=2&per_page=3", first.Link("next"));
        Assert.Equal(1, first.Body.GetProperty("tags")[0].GetProperty("resources").GetProperty("images").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Creating_an_image_with_tags_creates_the_missing_ones_and_keeps_the_canonical_case_of_existing_ones()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var created = await CreateImageAsync(client, """["WEB","fresh"]""");

        Assert.Equal(HttpStatusCode.Accepted, created.Status);
        Assert.Equal(["web", "fresh"], created.Body.GetProperty("image").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["web", "fresh"], fake.Tags);
        Assert.Equal(2, (await FakeApi.GetAsync(client, "v2/images?tag_name=web")).Total);
        Assert.Equal(HttpStatusCode.OK, (await FakeApi.GetAsync(client, "v2/tags/fresh")).Status);
    }

    [Fact]
    public async Task Creating_an_image_with_a_tag_name_the_tags_endpoint_refuses_is_the_same_400_and_creates_nothing()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var answer = await CreateImageAsync(client, """["ok","not ok"]""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Error validating resource tag: \"tag-name \"not ok\" contains invalid characters\"", answer.Body.GetProperty("error").GetString());
        Assert.Equal(4, fake.Images.Count);
        Assert.Equal(["web"], fake.Tags);
    }

    private static Task<FakeApi> CreateImageAsync(HttpClient client, string tags) => FakeApi.PostAsync(client, "v2/images",
        $$"""{"name":"new","url":"https://example.com/a.img","region":"nyc3","tags":{{tags}}}""");
}
