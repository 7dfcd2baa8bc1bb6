using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     A value that cannot be a DigitalOcean slug gives no result without a request: sent as a path segment, "../account"
///     would reach another endpoint, with the token, through a proxy that decodes %2F.
/// </summary>
public class SlugInputTests
{
    [Theory]
    [InlineData("../account")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a%2Fb")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_value_that_cannot_be_a_slug_finds_nothing_and_sends_nothing(string slug)
    {
        using var cloud = FaultyCloud.Start([Seeds.PublicImage(7, "ubuntu-24-04-x64")]);
        using var db = cloud.CreateFastContext();

        Assert.Null(await db.Images.Where(i => i.Slug == slug).SingleOrDefaultAsync());
        Assert.Equal("ubuntu-24-04-x64", (await db.Images.SingleAsync(i => i.Slug == "ubuntu-24-04-x64")).Slug);

        RequestAssert.Sent(cloud.Requests, "GET /v2/images/ubuntu-24-04-x64");
    }
}
