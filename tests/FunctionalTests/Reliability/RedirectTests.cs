using System.Net;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     A redirect never carries the token to another host. The fake cannot redirect, so two canned servers on different loopback
///     ports stand in: the first answers every request with 302 to the second, which records what reaches it.
/// </summary>
public class RedirectTests
{
    private const string EmptyPage = """{"images":[],"links":{},"meta":{"total":0}}""";

    [Fact]
    public async Task A_redirect_is_not_followed_and_is_reported_as_an_error()
    {
        using var elsewhere = CannedHttpServer.Start(_ => CannedHttpServer.Json(EmptyPage));
        using var redirecting = CannedHttpServer.Start(r => CannedHttpServer.Redirect(new Uri(elsewhere.BaseAddress, r.Target)));
        var token = SecretAssert.NewToken();
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateContextWithToken(token, o => o.BaseAddress(redirecting.BaseAddress));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.StartsWith("GET /v2/images?per_page=200&page=1 failed with 302", error.Message);
        SecretAssert.NotIn(error.ToString(), token, "the exception");
        var sent = Assert.Single(redirecting.Received);
        Assert.True(sent.Headers.TryGetValue("Authorization", out var authorization) && authorization == "Bearer " + token,
            "The configured host did not get the token as a bearer.");
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task With_the_application_s_own_HttpClientFactory_a_redirect_is_still_not_followed_nor_given_the_token()
    {
        using var elsewhere = CannedHttpServer.Start(_ => CannedHttpServer.Json(EmptyPage));
        using var redirecting = CannedHttpServer.Start(r => CannedHttpServer.Redirect(new Uri(elsewhere.BaseAddress, r.Target)));
        var token = SecretAssert.NewToken();
        using var applicationServices = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateContextWithToken(
            token, o => o.BaseAddress(redirecting.BaseAddress), b => b.UseApplicationServiceProvider(applicationServices));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Single(redirecting.Received);
        Assert.All(elsewhere.Received, r => Assert.False(r.Headers.ContainsKey("Authorization"), "The redirect carried the token."));
        Assert.Empty(elsewhere.Received);
    }
}
