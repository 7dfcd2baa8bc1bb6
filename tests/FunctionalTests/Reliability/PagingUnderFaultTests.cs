using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     A listing is never silently partial: a page that cannot be read fails the query, an item that moved to a later page is
///     returned once, and a listing that ends with fewer items than <c>meta.total</c> fails. Pages are fetched one at a time
///     here where the test changes the catalogue between them.
/// </summary>
public class PagingUnderFaultTests
{
    private const string Listing = "GET /v2/images?per_page=200";
    private const string SmallPages = "GET /v2/images?per_page=2";

    [Fact]
    public async Task A_page_that_always_fails_fails_the_whole_query_naming_that_page()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(450));
        cloud.Fake.InjectFault(new FakeFault { Method = "GET", When = r => r.IsPage(3), StatusCode = 500, Times = int.MaxValue });
        using var db = cloud.CreateFastContext(o => o.MaxRetries(2));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.StartsWith($"{Listing}&page=3 failed with 500 server_error", error.Message);
        RequestAssert.Sent(cloud.Requests, [.. RequestAssert.Pages(Listing, 3), $"{Listing}&page=3", $"{Listing}&page=3"]);
    }

    [Fact]
    public async Task A_listing_that_ends_with_fewer_items_than_meta_total_fails_instead_of_returning_them()
    {
        var seed = FakeCatalog.PrivateImages(6);
        using var cloud = FaultyCloud.Start(seed);
        ChangeBeforePage(cloud.Fake, 2, fake => fake.RemoveImage(seed[5].Id));
        using var db = cloud.CreateFastContext(o => o.PageSize(2).MaxConcurrentRequests(1));

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.AsNoTracking().ToListAsync());

        Assert.StartsWith($"Listing {SmallPages}&page=1 returned 5 items but the API reported 6", error.Message);
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages(SmallPages, 3));
    }

    [Fact]
    public async Task An_item_that_moves_to_a_later_page_while_listing_is_yielded_once_and_the_item_it_displaced_fails_the_query()
    {
        // Ids 1..6 on pages of 2. After page 1, image 2 moves to the end: page 2 now holds 4 and 5, page 3 holds 6 and 2 again,
        // and image 3 slid back onto page 1, which was already read.
        var seed = FakeCatalog.PrivateImages(6, firstId: 1);
        using var cloud = FaultyCloud.Start(seed);
        ChangeBeforePage(cloud.Fake, 2, fake =>
        {
            var moved = fake.FindImage(2)!;
            fake.RemoveImage(2);
            fake.AddImage(moved);
        });
        using var db = cloud.CreateFastContext(o => o.PageSize(2).MaxConcurrentRequests(1));

        var yielded = new List<long>();
        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(async () =>
        {
            await foreach (var image in db.Images.AsNoTracking().AsAsyncEnumerable())
            {
                yielded.Add(image.Id);
            }
        });

        Assert.Equal([1L, 2, 4, 5, 6], yielded);
        Assert.StartsWith($"Listing {SmallPages}&page=1 returned 5 items but the API reported 6", error.Message);
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages(SmallPages, 3));
    }

    /// <summary>Changes the fake's catalogue as the request for <paramref name="page" /> arrives, before it is answered.</summary>
    private static void ChangeBeforePage(DigitalOceanFake fake, int page, Action<DigitalOceanFake> change)
    {
        var changed = 0;
        fake.InjectFault(new FakeFault
        {
            When = r =>
            {
                if (r.IsPage(page) && Interlocked.Exchange(ref changed, 1) == 0)
                {
                    change(fake);
                }

                // Never answers: the page is then served from the changed catalogue.
                return false;
            }
        });
    }
}
