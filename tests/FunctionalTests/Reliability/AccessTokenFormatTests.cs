using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>A token with a control or non-ASCII character is refused where it is taken, naming the token, not the request.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class AccessTokenFormatTests
{
    [Theory]
    [InlineData("dop_v1_abc\r\nX-Injected: 1")]
    [InlineData("dop_v1_abc\ndef")]
    [InlineData("dop_v1_abc\0def")]
    [InlineData("dop_v1_abc\u0007def")]
    [InlineData("dop_v1_abc\u007Fdef")]
    [InlineData("dop_v1_tökén")]
    public void A_malformed_token_is_refused_when_it_is_configured(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => new DbContextOptionsBuilder().UseDigitalOcean(token));

        Assert.StartsWith("The access token given to UseDigitalOcean is malformed: it holds a control character", error.Message);
        SecretAssert.NotIn(error.Message, token.Trim(), "the exception message");
    }

    [Theory]
    [InlineData("DIGITALOCEAN_TOKEN", "dop_v1_tökén")]
    [InlineData("DIGITALOCEAN_ACCESS_TOKEN", "dop_v1_abc\u0001def")]
    public void A_malformed_token_in_the_environment_is_refused_before_any_request(string variable, string token)
    {
        using var cloud = FaultyCloud.Start();
        using var environment = new EnvironmentVariables().Set("DIGITALOCEAN_TOKEN", null).Set("DIGITALOCEAN_ACCESS_TOKEN", null).Set(variable, token);
        using var db = cloud.CreateContextWithToken(null);

        var error = Assert.Throws<InvalidOperationException>(() => db.Images.ToList());

        Assert.StartsWith($"The access token in {variable} is malformed", error.Message);
        SecretAssert.NotIn(error.Message, token, "the exception message");
        RequestAssert.NoneSent(cloud.Requests);
    }
}
