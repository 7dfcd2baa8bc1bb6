using System.Net;
using System.Text.Json;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     Answers that cannot be read give an error naming the request (method, path and query) and what was wrong with the
///     answer, and leave the context usable: the same context runs a good query right after.
/// </summary>
public class BadResponseTests
{
    private const string FirstPage = "GET /v2/images?per_page=200&page=1";

    // What the error says after "could not be read: ". A truncated body breaks off at a point that depends on the data.
    public static TheoryData<FaultKind, string> UnreadableBodies => new()
    {
        { FaultKind.TruncatedBody, "" },
        { FaultKind.NonJsonBody, "'u' is an invalid start of a value." },
        { FaultKind.EmptyBody200, "The input does not contain any JSON tokens." },
        { FaultKind.MissingEnvelopeKey, "the body has no '{0}'" },
        { FaultKind.WrongFieldType, "the field 'id' is String, not Int64" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_page_fails_the_listing_with_an_error_naming_the_request_and_the_context_stays_usable(
        FaultKind kind, string detail)
    {
        var seed = FakeCatalog.PrivateImages(3);
        using var cloud = FaultyCloud.Start(seed);
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", Kind = kind });
        using var db = cloud.CreateFastContext();

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        AssertUnreadable(error, FirstPage, string.Format(detail, "images"), cloud.Requests);
        RequestAssert.Sent(cloud.Requests, FirstPage);
        Assert.Equal(seed.Select(i => i.Id), (await db.Images.ToListAsync()).Select(i => i.Id));
    }

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_item_fails_the_point_read_with_an_error_naming_the_request_and_the_context_stays_usable(
        FaultKind kind, string detail)
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(7, "seven")]);
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", PathPrefix = "/v2/images/7", Kind = kind });
        using var db = cloud.CreateFastContext();

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.SingleOrDefaultAsync(i => i.Id == 7));

        AssertUnreadable(error, "GET /v2/images/7", string.Format(detail, "image"), cloud.Requests);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/7");
        Assert.Equal("seven", (await db.Images.SingleAsync(i => i.Id == 7)).Name);
    }

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_a_body_is_reported_naming_the_request_and_the_context_stays_usable()
    {
        var seed = FakeCatalog.PrivateImages(3);
        using var cloud = FaultyCloud.Start(seed);
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", Kind = FaultKind.DropConnectionMidBody });
        using var db = cloud.CreateFastContext(o => o.MaxRetries(0));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.StartsWith(
            $"The response to {FirstPage} (200) could not be read: the connection closed before the body was complete", error.Message);
        Assert.IsType<IOException>(error.InnerException, exactMatch: false);
        RequestAssert.Sent(cloud.Requests, FirstPage);
        Assert.Equal(seed.Select(i => i.Id), (await db.Images.ToListAsync()).Select(i => i.Id));
    }

    [Fact]
    public async Task A_proxy_s_HTML_502_page_is_retried()
    {
        var seed = FakeCatalog.PrivateImages(3);
        using var cloud = FaultyCloud.Start(seed);
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", Kind = FaultKind.HtmlErrorPage });
        using var db = cloud.CreateFastContext();

        var images = await db.Images.ToListAsync();

        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        Assert.Equal([502, 200], cloud.Requests.Statuses("GET"));
    }

    [Fact]
    public async Task A_proxy_s_HTML_502_page_that_persists_is_reported_with_its_content_type_and_an_excerpt()
    {
        var seed = FakeCatalog.PrivateImages(3);
        using var cloud = FaultyCloud.Start(seed);
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", Kind = FaultKind.HtmlErrorPage, Times = 2 });
        using var db = cloud.CreateFastContext(o => o.MaxRetries(1));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorId);
        Assert.Null(error.RequestId);
        Assert.StartsWith($"{FirstPage} failed with 502: Bad Gateway (text/html body: <html>", error.Message);
        Assert.Contains("<title>502 Bad Gateway</title>", error.Message);
        RequestAssert.Sent(cloud.Requests, FirstPage, FirstPage);
        Assert.Equal(seed.Select(i => i.Id), (await db.Images.ToListAsync()).Select(i => i.Id));
    }

    private static void AssertUnreadable(DigitalOceanApiException error, string request, string detail, IReadOnlyList<RecordedRequest> sent)
    {
        Assert.StartsWith($"The response to {request} (200) could not be read: {detail}", error.Message);
        Assert.EndsWith($" (request id {sent[0].RequestId})", error.Message);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(sent[0].RequestId, error.RequestId);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
    }
}
