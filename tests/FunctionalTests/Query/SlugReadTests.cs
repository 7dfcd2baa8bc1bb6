using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>Slug == s</c> becomes one <c>GET /v2/images/{s}</c>, with the slug escaped as one path segment.</summary>
public class SlugReadTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_slug_equals_reads_that_image_only(bool async)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var slug = "ubuntu-24-04-x64";

        var images = await QueryRunner.ToListAsync(db.Images.Where(i => i.Slug == slug), async);

        Assert.Equal("24.04 (LTS) x64", Assert.Single(images).Name);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/ubuntu-24-04-x64");
    }

    [Fact]
    public void A_slug_with_a_space_is_escaped()
    {
        using var cloud = TestCloud.Start([Seeds.PublicImage(77, "a b"), Seeds.PublicImage(78, "a")]);
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Slug == "a b").ToList();

        Assert.Equal(77, Assert.Single(images).Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/a%20b");
    }

    [Theory]
    [InlineData("a&b=c", "/v2/images/a%26b%3Dc")]
    [InlineData("x y", "/v2/images/x%20y")]
    public void A_slug_never_leaves_its_path_segment(string slug, string path)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Slug == slug).ToList();

        Assert.Empty(images);
        RequestAssert.Sent(cloud.Requests, "GET " + path);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public void A_slug_that_cannot_name_an_image_sends_nothing(string slug)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Slug == slug).ToList();

        Assert.Empty(images);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_unknown_slug_is_empty_not_an_error(bool async)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = await QueryRunner.ToListAsync(db.Images.Where(i => i.Slug == "no-such-image"), async);

        Assert.Empty(images);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/no-such-image");
    }

    [Fact]
    public void A_numeric_slug_that_reads_an_image_by_id_is_filtered_out()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(123, "my snapshot")]);
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Slug == "123").ToList();

        Assert.Empty(images);
        Assert.Empty(db.ChangeTracker.Entries());
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/123");
        Assert.Equal(200, Assert.Single(cloud.Requests).StatusCode);
    }

    [Fact]
    public void A_scope_operator_turns_the_slug_read_into_a_scoped_listing()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Distributions().Where(i => i.Slug == "debian-12-x64").ToList();

        Assert.Equal("12 x64", Assert.Single(images).Name);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?type=distribution&per_page=200&page=1");
    }

    [Fact]
    public void A_null_slug_variable_finds_the_images_without_a_slug()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        string? slug = null;

        var images = db.Images.Where(i => i.Slug == slug).ToList();

        Assert.Equal(cloud.Fake.Images.Where(i => i.Slug is null).Select(i => i.Id), images.Select(i => i.Id));
        Assert.All(cloud.Requests, r => Assert.Equal(("GET", "/v2/images"), (r.Method, r.Path)));
    }

    [Fact]
    public void A_null_slug_constant_lists_and_filters_in_memory()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Slug == null).ToList();

        Assert.Equal(cloud.Fake.Images.Where(i => i.Slug is null).Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }
}
