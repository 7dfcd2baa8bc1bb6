using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>Without a token in the options, the provider reads DIGITALOCEAN_TOKEN, then DIGITALOCEAN_ACCESS_TOKEN, at its first request.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class AccessTokenEnvironmentTests
{
    private const string TokenVariable = "DIGITALOCEAN_TOKEN";
    private const string AccessTokenVariable = "DIGITALOCEAN_ACCESS_TOKEN";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_any_token_the_first_query_fails_naming_both_variables(string? variableValue)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var environment = new EnvironmentVariables().Set(TokenVariable, variableValue).Set(AccessTokenVariable, variableValue);
        using var db = cloud.CreateContextWithToken(null);

        var error = Assert.Throws<InvalidOperationException>(() => db.Images.ToList());

        Assert.Contains(TokenVariable, error.Message);
        Assert.Contains(AccessTokenVariable, error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Theory]
    [InlineData(TokenVariable)]
    [InlineData(AccessTokenVariable)]
    public void Either_variable_supplies_the_token(string variable)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var environment = new EnvironmentVariables()
            .Set(TokenVariable, null)
            .Set(AccessTokenVariable, null)
            .Set(variable, cloud.Fake.AccessToken);
        using var db = cloud.CreateContextWithToken(null);

        var count = db.Images.Count();

        Assert.Equal(cloud.Fake.Images.Count, count);
        Assert.True(Assert.Single(cloud.Requests).HadValidToken);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=1&page=1");
    }

    [Fact]
    public void DIGITALOCEAN_TOKEN_wins_over_DIGITALOCEAN_ACCESS_TOKEN()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var environment = new EnvironmentVariables()
            .Set(TokenVariable, cloud.Fake.AccessToken)
            .Set(AccessTokenVariable, SecretAssert.NewToken());
        using var db = cloud.CreateContextWithToken(null);

        _ = db.Images.Count();

        Assert.True(Assert.Single(cloud.Requests).HadValidToken);
    }

    [Fact]
    public void A_token_in_the_options_wins_over_the_environment()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var environment = new EnvironmentVariables()
            .Set(TokenVariable, SecretAssert.NewToken())
            .Set(AccessTokenVariable, SecretAssert.NewToken());
        using var db = cloud.CreateContext();

        _ = db.Images.Count();

        Assert.True(Assert.Single(cloud.Requests).HadValidToken);
    }
}
