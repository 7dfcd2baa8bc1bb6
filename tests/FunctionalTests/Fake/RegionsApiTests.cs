using System.Net;
using System.Text.Json;
using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Fake;

/// <summary>The fake's <c>/v2/regions</c> over raw HTTP: the default catalogue, an overridden one, paging and errors.</summary>
public class RegionsApiTests
{
    [Fact]
    public async Task The_default_catalogue_has_the_specs_thirteen_regions_with_nyc3_as_the_spec_writes_it()
    {
        using var fake = DigitalOceanFake.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.GetAsync(client, "v2/regions?per_page=200");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(13, answer.Total);
        var regions = answer.Body.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(13, regions.Count);
        Assert.All(regions, r => Assert.Equal(["name", "slug", "features", "available", "sizes"], FakeApi.FieldNames(r)));
        Assert.Equal(FakeCatalog.Regions().Select(r => r.Slug), answer.Strings("regions", "slug"));

        var nyc3 = regions.Single(r => r.GetProperty("slug").GetString() == "nyc3");
        Assert.Equal("New York 3", nyc3.GetProperty("name").GetString());
        Assert.True(nyc3.GetProperty("available").GetBoolean());
        Assert.Equal(
            ["private_networking", "backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer"],
            Strings(nyc3, "features"));
        Assert.Equal(
            ["s-1vcpu-1gb", "s-1vcpu-2gb", "s-1vcpu-3gb", "s-2vcpu-2gb", "s-3vcpu-1gb", "s-2vcpu-4gb", "s-4vcpu-8gb",
             "s-6vcpu-16gb", "s-8vcpu-32gb", "s-12vcpu-48gb", "s-16vcpu-64gb", "s-20vcpu-96gb", "s-24vcpu-128gb", "s-32vcpu-192g"],
            Strings(nyc3, "sizes"));
    }

    [Fact]
    public async Task The_default_catalogue_tells_availability_and_image_transfer_apart()
    {
        using var fake = DigitalOceanFake.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.GetAsync(client, "v2/regions?per_page=200");

        var bySlug = answer.Body.GetProperty("regions").EnumerateArray().ToDictionary(
            r => r.GetProperty("slug").GetString()!,
            r => (Available: r.GetProperty("available").GetBoolean(), Transfer: Strings(r, "features").Contains("image_transfer")));
        Assert.Equal(["ams2", "sfo2"], bySlug.Where(r => !r.Value.Available).Select(r => r.Key).Order());
        Assert.Equal(["ams2", "syd1"], bySlug.Where(r => !r.Value.Transfer).Select(r => r.Key).Order());
        Assert.Equal(10, bySlug.Count(r => r.Value is { Available: true, Transfer: true }));
    }

    [Fact]
    public async Task The_list_is_paged_like_images()
    {
        using var fake = DigitalOceanFake.Start();
        using var client = fake.CreateHttpClient();
        var slugs = FakeCatalog.Regions().Select(r => r.Slug).ToArray();

        var pages = new List<FakeApi>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await FakeApi.GetAsync(client, $"v2/regions?per_page=5&page={page}"));
        }

        var byDefault = await FakeApi.GetAsync(client, "v2/regions");

        Assert.Equal(slugs, pages.SelectMany(p => p.Strings("regions", "slug")));
        Assert.Equal([5, 5, 3], pages.Select(p => p.Strings("regions", "slug").Length));
        Assert.All(pages, p => Assert.Equal(13, p.Total));
        var root = fake.BaseAddress + "v2/regions?";
        Assert.Equal((root + "page=2&per_page=5", root + "page=3&per_page=5"), (pages[0].Link("next"), pages[0].Link("last")));
        Assert.Equal((root + "page=1&per_page=5", root + "page=2&per_page=5"), (pages[2].Link("first"), pages[2].Link("prev")));
        Assert.Null(pages[2].Link("next"));

        // 13 regions fit on the default page of 20: the single-page links shape of the options.
        Assert.Equal(slugs, byDefault.Strings("regions", "slug"));
        Assert.Equal(JsonValueKind.Object, byDefault.Body.GetProperty("links").GetProperty("pages").ValueKind);
        Assert.Empty(byDefault.Body.GetProperty("links").GetProperty("pages").EnumerateObject());
    }

    [Fact]
    public async Task The_catalogue_can_be_replaced_and_is_a_copy()
    {
        var mine = new FakeRegion { Slug = "tst1", Name = "Test 1", Available = false, Features = ["backups"], Sizes = ["s-1vcpu-1gb"] };
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { Regions = [mine] });
        using var client = fake.CreateHttpClient();
        mine.Name = "changed after start";

        var answer = await FakeApi.GetAsync(client, "v2/regions");

        var region = Assert.Single(answer.Body.GetProperty("regions").EnumerateArray().ToList());
        Assert.Equal(("tst1", "Test 1", false), (
            region.GetProperty("slug").GetString(), region.GetProperty("name").GetString(), region.GetProperty("available").GetBoolean()));
        Assert.Equal(["backups"], Strings(region, "features"));
        Assert.Equal(["s-1vcpu-1gb"], Strings(region, "sizes"));
        Assert.Equal(1, answer.Total);
    }

    [Fact]
    public void A_catalogue_with_a_region_listed_twice_or_without_a_slug_is_refused_at_start()
    {
        var twice = Assert.Throws<ArgumentException>(() => DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            Regions = [new FakeRegion { Slug = "nyc3" }, new FakeRegion { Slug = "nyc3" }],
        }));
        var noSlug = Assert.Throws<ArgumentException>(() => DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            Regions = [new FakeRegion { Name = "Nowhere" }],
        }));

        Assert.Contains("nyc3 is listed twice", twice.Message);
        Assert.Contains("needs a slug", noSlug.Message);
    }

    [Theory]
    [InlineData("GET", "v2/regions/nyc3", HttpStatusCode.NotFound, "not_found")]
    [InlineData("POST", "v2/regions", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    public async Task There_is_no_path_for_one_region_and_the_list_is_read_only(string method, string target, HttpStatusCode status, string id)
    {
        using var fake = DigitalOceanFake.Start();
        using var client = fake.CreateHttpClient();

        var answer = await FakeApi.SendAsync(client, new HttpMethod(method), target);

        Assert.Equal(status, answer.Status);
        Assert.Equal(id, answer.Error().Id);
    }

    [Fact]
    public async Task Without_the_token_the_list_is_a_401()
    {
        using var fake = DigitalOceanFake.Start();
        using var client = new HttpClient { BaseAddress = fake.BaseAddress };

        var answer = await FakeApi.GetAsync(client, "v2/regions");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(("unauthorized", "Unable to authenticate you."), answer.Error());
        Assert.Equal(5000, fake.RateLimitRemaining);
    }

    private static string[] Strings(JsonElement item, string name)
        => [.. item.GetProperty(name).EnumerateArray().Select(v => v.GetString()!)];
}
