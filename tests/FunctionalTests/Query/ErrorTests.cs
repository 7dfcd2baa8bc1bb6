using System.Net;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     API errors and unreadable answers become clear exceptions, and the context stays usable afterwards. Retries are turned
///     off so that each fault answers exactly one request.
/// </summary>
public class ErrorTests
{
    private const string FirstPage = "GET /v2/images?per_page=200&page=1";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_wrong_token_gives_an_unauthorized_api_exception(bool async)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        var wrongToken = SecretAssert.NewToken();
        using var db = cloud.CreateContextWithToken(wrongToken);

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => QueryRunner.ToListAsync(db.Images, async));

        var request = Assert.Single(cloud.Requests);
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized", request.RequestId), (error.StatusCode, error.ErrorId, error.RequestId));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains("GET /v2/images?per_page=200&page=1", error.Message);
        Assert.Contains("401", error.Message);
        SecretAssert.NotIn(error.Message, wrongToken, "the exception message");
        RequestAssert.Sent(cloud.Requests, FirstPage);
    }

    [Fact]
    public void A_wrong_token_on_a_point_read_is_an_error_not_a_missing_image()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContextWithToken(SecretAssert.NewToken());

        var error = Assert.Throws<DigitalOceanApiException>(() => db.Images.Find(cloud.Fake.Images[0].Id));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{cloud.Fake.Images[0].Id}");
    }

    [Fact]
    public void A_server_error_gives_an_api_exception_and_the_context_stays_usable()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext(o => o.MaxRetries(0));
        cloud.Fake.InjectFault(new FakeFault { StatusCode = 500 });

        var error = Assert.Throws<DigitalOceanApiException>(() => db.Images.ToList());
        var images = db.Images.ToList();

        Assert.Equal((HttpStatusCode.InternalServerError, "server_error"), (error.StatusCode, error.ErrorId));
        Assert.Equal(cloud.Requests[0].RequestId, error.RequestId);
        Assert.Contains("500", error.Message);
        Assert.Equal(cloud.Fake.Images.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage);
    }

    [Theory]
    [InlineData(FaultKind.TruncatedBody)]
    [InlineData(FaultKind.NonJsonBody)]
    [InlineData(FaultKind.EmptyBody200)]
    [InlineData(FaultKind.MissingEnvelopeKey)]
    [InlineData(FaultKind.WrongFieldType)]
    public async Task An_unreadable_listing_gives_an_api_exception_and_the_context_stays_usable(FaultKind kind)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        await using var db = cloud.CreateContext(o => o.MaxRetries(0));
        cloud.Fake.InjectFault(new FakeFault { Kind = kind });

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());
        var images = await db.Images.ToListAsync();

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("GET /v2/images?per_page=200&page=1", error.Message);
        Assert.Contains("could not be read", error.Message);
        Assert.Equal(cloud.Requests[0].RequestId, error.RequestId);
        Assert.Equal(cloud.Fake.Images.Count, images.Count);
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage);
    }

    [Theory]
    [InlineData(FaultKind.TruncatedBody)]
    [InlineData(FaultKind.NonJsonBody)]
    [InlineData(FaultKind.EmptyBody200)]
    [InlineData(FaultKind.MissingEnvelopeKey)]
    [InlineData(FaultKind.WrongFieldType)]
    public void An_unreadable_point_read_gives_an_api_exception(FaultKind kind)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext(o => o.MaxRetries(0));
        var id = cloud.Fake.Images[0].Id;
        cloud.Fake.InjectFault(new FakeFault { Kind = kind });

        var error = Assert.Throws<DigitalOceanApiException>(() => db.Images.Find(id));
        var image = db.Images.Find(id);

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains($"GET /v2/images/{id}", error.Message);
        Assert.Equal(id, image?.Id);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{id}", $"GET /v2/images/{id}");
    }

    [Fact]
    public void A_proxy_error_page_gives_an_api_exception_that_describes_the_body()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext(o => o.MaxRetries(0));
        cloud.Fake.InjectFault(new FakeFault { Kind = FaultKind.HtmlErrorPage });

        var error = Assert.Throws<DigitalOceanApiException>(() => db.Images.Count());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorId);
        Assert.Contains("text/html", error.Message);
        Assert.Contains("502 Bad Gateway", error.Message);
        Assert.Equal(cloud.Fake.Images.Count, db.Images.Count());
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=1&page=1", "GET /v2/images?per_page=1&page=1");
    }

    [Fact]
    public async Task A_connection_dropped_before_the_answer_fails_with_a_transport_error_and_the_context_stays_usable()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        await using var db = cloud.CreateContext(o => o.MaxRetries(0));
        cloud.Fake.InjectFault(new FakeFault { Kind = FaultKind.DropConnection });

        await Assert.ThrowsAsync<HttpRequestException>(() => db.Images.ToListAsync());
        var images = await db.Images.ToListAsync();

        Assert.Equal(cloud.Fake.Images.Count, images.Count);
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage);
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_gives_an_api_exception_naming_the_request()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        await using var db = cloud.CreateContext(o => o.MaxRetries(0));
        cloud.Fake.InjectFault(new FakeFault { Kind = FaultKind.DropConnectionMidBody });

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());
        var images = await db.Images.ToListAsync();

        Assert.Contains("GET /v2/images?per_page=200&page=1", error.Message);
        Assert.Equal(cloud.Requests[0].RequestId, error.RequestId);
        Assert.Equal(cloud.Fake.Images.Count, images.Count);
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage);
    }

    [Fact]
    public void A_failed_later_page_fails_the_query_instead_of_returning_a_partial_result()
    {
        using var cloud = TestCloud.Start(FakeCatalog.PrivateImages(450));
        using var db = cloud.CreateContext(o => o.MaxRetries(0));
        cloud.Fake.InjectFault(new FakeFault { StatusCode = 503, When = r => r.Query.GetValueOrDefault("page") == "2" });

        var error = Assert.Throws<DigitalOceanApiException>(() => db.Images.ToList());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("page=2", error.Message);

        // Page 3 is requested beside page 2, and abandoned when page 2 fails: it may or may not have reached the fake.
        RequestAssert.Sent(cloud.Requests.Where(r => r.Query["page"] != "3"), RequestAssert.Pages("GET /v2/images?per_page=200", 2));
        Assert.InRange(cloud.Requests.Count, 2, 3);
    }
}
