using System.Text.Json;
using EFCore.DigitalOcean.FunctionalTests.Query;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     A total remembered from an earlier listing is a guess about which pages to send with page 1, never an answer: page 1's
///     own total decides what is read, and a token remembers only its latest listings.
/// </summary>
public class RememberedTotalTests
{
    [Fact]
    public async Task A_page_sent_ahead_beyond_page_1s_total_is_not_read_even_when_it_holds_items()
    {
        // Honest at first (8 images in 4 pages); then page 1 says 6, while page 4 still holds images 7 and 8.
        const int PageSize = 2;
        var total = 8;
        using var server = CannedHttpServer.Start(request =>
        {
            var page = int.Parse(request.Target[(request.Target.LastIndexOf('=') + 1)..]);
            var ids = Enumerable.Range((page - 1) * PageSize + 1, PageSize).Where(id => id <= 8);
            var images = JsonSerializer.Serialize(ids.Select(id => new { id, name = $"image-{id}", created_at = "2026-11-27T00:00:00Z" }));
            return CannedHttpServer.Json($$$"""{"images":{{{images}}},"links":{},"meta":{"total":{{{Volatile.Read(ref total)}}}}}""");
        });
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress).PageSize(PageSize));
        await db.Images.AsNoTracking().ToListAsync();
        Volatile.Write(ref total, 6);

        var images = await db.Images.AsNoTracking().ToListAsync();

        Assert.Equal([1L, 2, 3, 4, 5, 6], images.Select(i => i.Id));
        var secondPages = server.Received.Skip(4).Select(r => int.Parse(r.Target[(r.Target.LastIndexOf('=') + 1)..])).ToList();
        Assert.Equal([1, 2, 3], secondPages.Where(p => p <= 3).Order());
        Assert.All(secondPages, p => Assert.InRange(p, 1, 4));
    }

    [Fact]
    public async Task Only_the_latest_listings_of_a_token_are_remembered()
    {
        var seed = FakeCatalog.PrivateImages(8);
        using var cloud = RepeatedListingTests.Start(seed, TimeSpan.FromMilliseconds(50));
        using var db = cloud.CreateContext(o => o.PageSize(RepeatedListingTests.PageSize));
        await db.Images.AsNoTracking().ToListAsync();
        for (var i = 0; i < ListingTotals.Capacity; i++)
        {
            var tag = $"tag-{i}";
            await db.Images.AsNoTracking().Where(image => image.Tags.Contains(tag)).ToListAsync();
        }

        RepeatedListingTests.SlowFirstPages(cloud);
        cloud.Fake.ClearRequests();

        var images = await db.Images.AsNoTracking().ToListAsync();

        // Forgotten: page 1 went alone, as in a first listing.
        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages(RepeatedListingTests.Listing, 4));
        Assert.InRange(cloud.Fake.MaxConcurrentRequestsObserved, 1, 3);
    }
}
