using System.Net;
using EFCore.DigitalOcean.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Fake;

/// <summary>
///     What three client libraries found against the fake: an import made progress only on a GET by id, HEAD was a 405, and
///     a page past the end linked <c>prev</c> to another page past the end.
/// </summary>
public class ProtocolFixesTests
{
    [Fact]
    public async Task A_client_that_waits_for_an_import_by_listing_sees_it_finish()
    {
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { TimeProvider = new FakeTimeProvider(FakeCatalog.DefaultNow) });
        using var client = fake.CreateHttpClient();
        var created = await FakeApi.PostAsync(client, "v2/images", """{"name":"talos","url":"https://example.com/a.img","region":"nyc3"}""");
        Assert.Equal("NEW", created.Body.GetProperty("image").GetProperty("status").GetString());

        var first = await FakeApi.GetAsync(client, "v2/images?private=true");
        var second = await FakeApi.GetAsync(client, "v2/images?private=true");

        Assert.Equal(["pending"], first.Strings("images", "status"));
        Assert.Equal(["available"], second.Strings("images", "status"));
        Assert.Equal(["nyc3"], fake.Images.Single().Regions);
    }

    [Fact]
    public async Task With_an_import_duration_a_listing_after_the_time_shows_the_image_available()
    {
        var clock = new FakeTimeProvider(FakeCatalog.DefaultNow);
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { TimeProvider = clock, ImportDuration = TimeSpan.FromMinutes(5) });
        using var client = fake.CreateHttpClient();
        await FakeApi.PostAsync(client, "v2/images", """{"name":"talos","url":"https://example.com/a.img","region":"nyc3"}""");

        var early = await FakeApi.GetAsync(client, "v2/images");
        clock.Advance(TimeSpan.FromMinutes(5));
        var late = await FakeApi.GetAsync(client, "v2/images");

        Assert.Equal(["pending"], early.Strings("images", "status"));
        Assert.Equal(["available"], late.Strings("images", "status"));
    }

    [Theory]
    [InlineData("v2/images/11", HttpStatusCode.OK)]
    [InlineData("v2/images?per_page=1", HttpStatusCode.OK)]
    [InlineData("v2/images/999", HttpStatusCode.NotFound)]
    [InlineData("v2/regions", HttpStatusCode.OK)]
    [InlineData("v2/tags/web", HttpStatusCode.OK)]
    public async Task Head_answers_like_the_get_of_the_path_without_a_body(string target, HttpStatusCode status)
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var get = await FakeApi.GetAsync(client, target);
        var head = await FakeApi.SendAsync(client, HttpMethod.Head, target);

        Assert.Equal((status, status), (get.Status, head.Status));
        Assert.Equal(get.Header("Content-Type"), head.Header("Content-Type"));
        Assert.NotNull(head.Header("x-request-id"));
        Assert.Equal("5000", head.Header("ratelimit-limit"));
        Assert.Empty(await head.Response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["GET", "HEAD"], fake.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Head_polls_an_import_like_a_get()
    {
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { TimeProvider = new FakeTimeProvider(FakeCatalog.DefaultNow) });
        using var client = fake.CreateHttpClient();
        var created = await FakeApi.PostAsync(client, "v2/images", """{"name":"talos","url":"https://example.com/a.img","region":"nyc3"}""");
        var id = created.Body.GetProperty("image").GetProperty("id").GetInt64();

        await FakeApi.SendAsync(client, HttpMethod.Head, $"v2/images/{id}");
        var get = await FakeApi.GetAsync(client, $"v2/images/{id}");

        Assert.Equal("available", get.Body.GetProperty("image").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_page_past_the_end_links_prev_to_the_last_page_and_nothing_further()
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();
        var root = fake.BaseAddress + "v2/images?";

        var past = await FakeApi.GetAsync(client, "v2/images?per_page=2&page=9");

        Assert.Empty(past.Strings("images", "name"));
        Assert.Equal(4, past.Total);
        Assert.Equal((root + "page=1&per_page=2", root + "page=2&per_page=2"), (past.Link("first"), past.Link("prev")));
        Assert.Equal((null, null), (past.Link("next"), past.Link("last")));
    }

    [Theory]
    [InlineData("POST", "v2/images/11/actions/5", "GET")]
    [InlineData("PUT", "v2/images/11/actions", "GET, POST")]
    [InlineData("GET", "v2/tags/web/resources", "POST, DELETE")]
    [InlineData("PUT", "v2/tags/web", "GET, DELETE")]
    [InlineData("POST", "v2/actions", "GET")]
    public async Task The_new_paths_answer_a_method_they_do_not_serve_with_405_and_allow(string method, string target, string allow)
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.SendAsync(client, new HttpMethod(method), target);

        Assert.Equal((HttpStatusCode.MethodNotAllowed, "method_not_allowed", allow), (answer.Status, answer.Error().Id, answer.Header("Allow")));
    }

    [Theory]
    [InlineData("v2/images/11/actions/5/more")]
    [InlineData("v2/images/11/other")]
    [InlineData("v2/tags/web/resources/11")]
    [InlineData("v2/images//actions")]
    public async Task Paths_no_resource_serves_are_404(string target)
    {
        using var fake = ActionsApiTests.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.GetAsync(client, target);

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (answer.Status, answer.Error().Id));
    }
}
