using System.Text.Json;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     Bodies the fake never sends but a proxy or the API may: one with no announced length, larger than the first buffer
///     the client reads into, and a page holding more items than were asked for. Each is read whole, once.
/// </summary>
public class BodyShapeTests
{
    [Fact]
    public async Task A_chunked_page_with_no_length_and_many_times_the_first_buffer_is_read_whole()
    {
        var ids = Enumerable.Range(1, 150).ToArray();
        var body = Page(ids, total: ids.Length, nameLength: 400);
        Assert.True(body.Length > 64 * 1024, $"the body is {body.Length} bytes, too small to make the buffer grow");
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.ChunkedJson(body));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var images = await db.Images.AsNoTracking().ToListAsync();

        Assert.Equal(ids.Select(i => (long)i), images.Select(i => i.Id));
        Assert.All(images, i => Assert.Equal(NameOf((int)i.Id, 400), i.Name));
        Assert.Equal("GET /v2/images?per_page=200&page=1", Assert.Single(server.Received).RequestLine);
    }

    [Fact]
    public async Task A_page_with_more_items_than_asked_for_is_read_whole_and_its_repeats_are_dropped()
    {
        // Every page answers with the same seven items: page 1 holds more than per_page=5, page 2 only repeats them.
        var ids = Enumerable.Range(1, 7).ToArray();
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json(Page(ids, total: ids.Length, nameLength: 8)));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress).PageSize(5));

        var images = await db.Images.ToListAsync();

        Assert.Equal(ids.Select(i => (long)i), images.Select(i => i.Id));
        Assert.Equal(7, db.ChangeTracker.Entries<Image>().Count());
        Assert.Equal(
            ["GET /v2/images?per_page=5&page=1", "GET /v2/images?per_page=5&page=2"],
            server.Received.Select(r => r.RequestLine));
    }

    [Theory]
    [InlineData("""{"id":7,"name":"bare","created_at":"2026-11-27T00:00:00Z"}""")]
    [InlineData("""{"id":7,"name":"bare","regions":null,"created_at":"2026-11-27T00:00:00Z","tags":null}""")]
    public async Task Lists_that_are_missing_or_null_read_as_empty_lists(string image)
    {
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json("""{"images":[""" + image + """],"meta":{"total":1}}"""));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var read = Assert.Single(await db.Images.ToListAsync());

        Assert.Equal((7L, "bare"), (read.Id, read.Name));
        Assert.Empty(read.Regions);
        Assert.Empty(read.Tags);
        Assert.Equal("GET /v2/images?per_page=200&page=1", Assert.Single(server.Received).RequestLine);
    }

    private static string NameOf(int id, int length) => $"image-{id}-".PadRight(length, 'x');

    private static string Page(int[] ids, int total, int nameLength)
        => JsonSerializer.Serialize(new
        {
            images = ids.Select(id => new
            {
                id,
                name = NameOf(id, nameLength),
                type = "snapshot",
                distribution = "Ubuntu",
                @public = false,
                regions = new[] { "nyc3" },
                created_at = "2026-11-27T00:00:00Z",
                tags = Array.Empty<string>(),
                status = "available"
            }),
            links = new { },
            meta = new { total }
        });
}
