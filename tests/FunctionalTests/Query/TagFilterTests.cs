using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>Tags.Contains(t)</c> becomes <c>tag_name=t</c> when nothing else narrows the listing.</summary>
public class TagFilterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tags_contains_is_sent_as_tag_name(bool async)
    {
        using var cloud = TestCloud.Start(FakeCatalog.PrivateImages(450));
        using var db = cloud.CreateContext();
        var tag = "prod";

        var images = await QueryRunner.ToListAsync(db.Images.Where(i => i.Tags.Contains(tag)), async);

        var expected = cloud.Fake.Images.Where(i => i.Tags!.Contains("prod")).Select(i => i.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?tag_name=prod&per_page=200&page=1");
    }

    [Fact]
    public void The_tag_is_query_escaped()
    {
        using var cloud = TestCloud.Start(
            [Seeds.PrivateImage(1, "tagged", "a&b=c"), Seeds.PrivateImage(2, "half", "a"), Seeds.PrivateImage(3, "other", "b=c")]);
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Tags.Contains("a&b=c")).ToList();

        Assert.Equal(1, Assert.Single(images).Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?tag_name=a%26b%3Dc&per_page=200&page=1");
        Assert.Equal("a&b=c", Assert.Single(cloud.Requests).Query["tag_name"]);
    }

    [Fact]
    public void With_a_scope_operator_the_tag_is_evaluated_in_memory()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.PrivateOnly().Where(i => i.Tags.Contains("prod")).ToList();

        var expected = cloud.Fake.Images.Where(i => i.Category == ImageCategory.User && i.Tags!.Contains("prod")).Select(i => i.Id);
        Assert.Equal(expected, images.Select(i => i.Id));
        Assert.NotEmpty(images);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?private=true&per_page=200&page=1");
    }

    [Fact]
    public void A_second_tag_is_evaluated_in_memory()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Tags.Contains("prod") && i.Tags.Contains("web")).ToList();

        var expected = cloud.Fake.Images.Where(i => i.Tags!.Contains("prod") && i.Tags.Contains("web")).Select(i => i.Id);
        Assert.Equal(expected, images.Select(i => i.Id));
        Assert.NotEmpty(images);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?tag_name=prod&per_page=200&page=1");
    }

    [Fact]
    public void With_an_id_the_point_read_wins_and_the_tag_is_evaluated_in_memory()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(10, "untagged"), Seeds.PrivateImage(11, "tagged", "prod")]);
        using var db = cloud.CreateContext();

        var untagged = db.Images.Where(i => i.Tags.Contains("prod")).Where(i => i.Id == 10).ToList();
        var tagged = db.Images.Where(i => i.Tags.Contains("prod") && i.Id == 11).ToList();

        Assert.Empty(untagged);
        Assert.Equal(11, Assert.Single(tagged).Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/10", "GET /v2/images/11");
    }

    [Fact]
    public void A_null_tag_variable_matches_no_image()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        string? tag = null;

        var images = db.Images.Where(i => i.Tags.Contains(tag!)).ToList();
        var count = db.Images.Count(i => i.Tags.Contains(tag!));

        Assert.Empty(images);
        Assert.Equal(0, count);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public void An_empty_tag_matches_no_image()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Tags.Contains("")).ToList();
        var any = db.Images.Any(i => i.Tags.Contains(""));

        Assert.Empty(images);
        Assert.False(any);
        Assert.Empty(db.ChangeTracker.Entries());
    }
}
