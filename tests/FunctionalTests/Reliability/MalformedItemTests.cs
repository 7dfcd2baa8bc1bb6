using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     An item without its id cannot be told apart, and one without its creation time would be taken for the oldest: either,
///     missing or null, is an error naming the request and the field, never an image with <c>Id</c> 0 or a date of 0001-01-01.
/// </summary>
public class MalformedItemTests
{
    [Theory]
    [InlineData("""{"name":"no id","created_at":"2026-11-27T00:00:00Z"}""", "id")]
    [InlineData("""{"id":null,"name":"null id","created_at":"2026-11-27T00:00:00Z"}""", "id")]
    [InlineData("""{"id":7,"name":"no date"}""", "created_at")]
    [InlineData("""{"id":7,"name":"null date","created_at":null}""", "created_at")]
    public async Task A_listed_item_without_its_id_or_creation_time_fails_the_query_naming_the_field(string image, string field)
    {
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json("""{"images":[""" + image + """],"meta":{"total":1}}"""));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(
            $"The response to GET /v2/images?per_page=200&page=1 (200) could not be read: an item has no '{field}' (the field is missing or null)",
            error.Message);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal("GET /v2/images?per_page=200&page=1", Assert.Single(server.Received).RequestLine);
    }

    [Theory]
    [InlineData("""{"name":"no id","created_at":"2026-11-27T00:00:00Z"}""", "id")]
    [InlineData("""{"id":7,"name":"null date","created_at":null}""", "created_at")]
    public async Task A_point_read_of_such_an_item_fails_instead_of_finding_nothing(string image, string field)
    {
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json("""{"image":""" + image + "}"));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.FindAsync(7L).AsTask());

        Assert.Equal(
            $"The response to GET /v2/images/7 (200) could not be read: an item has no '{field}' (the field is missing or null)",
            error.Message);
        Assert.Equal("GET /v2/images/7", Assert.Single(server.Received).RequestLine);
    }
}
