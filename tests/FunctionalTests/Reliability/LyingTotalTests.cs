using System.Text.Json;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     <c>meta.total</c> is evidence, not an order: listing stops where the pages stop, never runs more than the concurrency
///     window ahead of them, and a total that disagrees with them, or is no count at all, fails the query.
/// </summary>
public class LyingTotalTests
{
    private const int CatalogueSize = 625;

    [Fact]
    public async Task A_total_far_above_the_catalogue_stops_at_the_short_page_and_fails_within_the_window()
    {
        using var server = Catalogue("1000000");
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.AsNoTracking().ToListAsync());

        Assert.StartsWith("Listing GET /v2/images?per_page=200&page=1 returned 625 items but the API reported 1000000", error.Message);

        // Page 4 is the short one; with 5 requests in flight (the default), pages 5 to 8 may have been asked for before it came.
        var pages = server.Received.Select(PageOf).ToList();
        Assert.Equal([1, 2, 3, 4], pages.Where(p => p <= 4).Order());
        Assert.All(pages, p => Assert.InRange(p, 1, 8));
    }

    [Fact]
    public async Task A_total_below_the_catalogue_fails_as_soon_as_more_items_came_than_it_counts()
    {
        using var server = Catalogue("201");
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.AsNoTracking().ToListAsync());

        Assert.Equal(
            "GET /v2/images?per_page=200&page=2 brought the listing to 400 distinct items, more than the API's meta.total of 201; "
            + "the answers are inconsistent, so the query was stopped rather than return a wrong result.",
            error.Message);
        Assert.Equal([1, 2], server.Received.Select(PageOf).Order());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("625.5")]
    [InlineData("1e30")]
    public async Task A_total_that_is_no_count_fails_counting_and_listing_with_an_error_naming_it(string total)
    {
        using var server = Catalogue(total);
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var count = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.CountAsync());
        var any = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.AnyAsync());
        var list = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(
            $"The response to GET /v2/images?per_page=1&page=1 (200) could not be read: 'meta.total' is {total}, not a count of items",
            count.Message);
        Assert.Equal(count.Message, any.Message);
        Assert.StartsWith("The response to GET /v2/images?per_page=200&page=1 (200) could not be read: 'meta.total' is", list.Message);
        Assert.Equal(
            ["GET /v2/images?per_page=1&page=1", "GET /v2/images?per_page=1&page=1", "GET /v2/images?per_page=200&page=1"],
            server.Received.Select(r => r.RequestLine));
    }

    [Fact]
    public async Task An_honest_total_lists_every_item_once_in_four_requests()
    {
        using var server = Catalogue("625");
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var images = await db.Images.AsNoTracking().ToListAsync();

        Assert.Equal(Enumerable.Range(1, CatalogueSize).Select(i => (long)i), images.Select(i => i.Id));
        Assert.Equal([1, 2, 3, 4], server.Received.Select(PageOf).Order());
    }

    /// <summary>A catalogue of 625 images, paged honestly, whose every page claims <paramref name="total" /> (raw JSON).</summary>
    private static CannedHttpServer Catalogue(string total)
        => CannedHttpServer.Start(request =>
        {
            var query = request.Target[(request.Target.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            var perPage = int.Parse(query["per_page"]);
            var first = (int.Parse(query["page"]) - 1) * perPage + 1;
            var ids = Enumerable.Range(first, Math.Clamp(CatalogueSize - first + 1, 0, perPage));
            var images = JsonSerializer.Serialize(ids.Select(id => new { id, name = $"image-{id}", created_at = "2026-11-27T00:00:00Z" }));
            return CannedHttpServer.Json($$$"""{"images":{{{images}}},"links":{},"meta":{"total":{{{total}}}}}""");
        });

    private static int PageOf(ReceivedRequest request) => int.Parse(request.Target[(request.Target.LastIndexOf('=') + 1)..]);
}
