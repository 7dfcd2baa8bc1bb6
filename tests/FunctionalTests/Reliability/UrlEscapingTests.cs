using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>Values from a query that reach a URL are escaped: they cannot leave <c>/v2/images/</c> or add query parameters.</summary>
public class UrlEscapingTests
{
    [Theory]
    [InlineData("a&page=9", "/v2/images/a%26page%3D9")]
    [InlineData("ubuntu 24.04", "/v2/images/ubuntu%2024.04")]
    public async Task A_slug_is_one_escaped_path_segment_under_v2_images(string slug, string path)
    {
        using var cloud = FaultyCloud.Start([Seeds.PublicImage(1, "ubuntu-24-04-x64")]);
        using var db = cloud.CreateFastContext();

        var found = await db.Images.Where(i => i.Slug == slug).ToListAsync();

        Assert.Empty(found);
        var request = Assert.Single(cloud.Requests);
        Assert.Equal(("GET", path, ""), (request.Method, request.Path, request.QueryString));
        Assert.Equal("/v2/images/" + slug, request.UnescapedPath);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("")]
    [InlineData(" ")]
    public async Task A_slug_that_would_resolve_to_another_path_matches_nothing_and_sends_nothing(string slug)
    {
        // "/v2/images/.." would be normalized to "/v2/", and "/v2/images/." to the listing.
        using var cloud = FaultyCloud.Start([Seeds.PublicImage(1, "ubuntu-24-04-x64")]);
        using var db = cloud.CreateFastContext();

        var found = await db.Images.Where(i => i.Slug == slug).ToListAsync();

        Assert.Empty(found);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Theory]
    [InlineData("a&b=c")]
    [InlineData("x&tag_name=other")]
    [InlineData("plus+and space")]
    [InlineData("100%25 literal")]
    [InlineData("ünïcödé/slash#hash")]
    public async Task A_tag_is_sent_as_exactly_one_tag_name_parameter_with_that_exact_value(string tag)
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(5, "tagged", tag), Seeds.PrivateImage(6, "untagged", "other")]);
        using var db = cloud.CreateFastContext();

        var found = await db.Images.Where(i => i.Tags.Contains(tag)).ToListAsync();

        Assert.Equal([5L], found.Select(i => i.Id));
        var request = Assert.Single(cloud.Requests);
        Assert.Equal(("GET", "/v2/images"), (request.Method, request.Path));
        Assert.Equal(["tag_name", "per_page", "page"], request.QueryString.TrimStart('?').Split('&').Select(p => p.Split('=')[0]));
        Assert.Equal(tag, request.Query["tag_name"]);
    }
}
