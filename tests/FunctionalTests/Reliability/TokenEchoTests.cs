using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>A server that echoes the token (in an error message, a proxy's page, a header) never gets it into a log or an exception.</summary>
public class TokenEchoTests
{
    [Fact]
    public async Task A_token_echoed_in_an_error_message_is_masked()
    {
        using var cloud = FaultyCloud.Start();
        var token = cloud.Fake.AccessToken;
        cloud.Fake.InjectFault(new FakeFault { StatusCode = 401, Message = $"Unable to authenticate you with token {token}." });
        using var db = cloud.CreateFastContext(configure: o => o.EnableSensitiveDataLogging());

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(
            "GET /v2/images?per_page=200&page=1 failed with 401 unauthorized: Unable to authenticate you with token ***."
            + $" (request id {cloud.Requests[0].RequestId})",
            error.Message);
        SecretAssert.NotIn(error.ToString(), token, "the exception");
        Assert.All(cloud.Log.Entries, e => SecretAssert.NotIn(e.Message, token, "the log"));
    }

    [Fact]
    public async Task A_token_echoed_in_a_proxy_page_and_a_header_is_masked()
    {
        var token = SecretAssert.NewToken();
        using var server = CannedHttpServer.Start(_ => new CannedResponse(
            403, "Forbidden", [("Content-Type", "text/html"), ("x-request-id", token)], $"<html>denied for Bearer {token}</html>"));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateContextWithToken(token, o => o.BaseAddress(server.BaseAddress).MaxRetries(0), o => o.EnableSensitiveDataLogging());

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(
            "GET /v2/images?per_page=200&page=1 failed with 403: Forbidden (text/html body: <html>denied for Bearer ***</html>) (request id ***)",
            error.Message);
        Assert.Equal("***", error.RequestId);
        Assert.NotEmpty(cloud.Log.Entries);
        Assert.All(cloud.Log.Entries, e => SecretAssert.NotIn(e.Message, token, "the log"));
    }
}
