using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     A listing sent again with the same token asks for the pages its last total implies together with page 1, instead of
///     waiting for page 1 to tell the total. Page 1's own total still decides what is read. Each test has a token of its own,
///     because the totals are remembered per token for the whole process.
/// </summary>
public class RepeatedListingTests
{
    // 8 images in pages of 2: 4 pages, within the default MaxConcurrentRequests (5).
    internal const int PageSize = 2;
    internal const string Listing = "GET /v2/images?per_page=2";

    [Fact]
    public async Task A_repeated_listing_sends_its_pages_with_page_1_and_yields_them_in_order()
    {
        var seed = FakeCatalog.PrivateImages(8);
        using var cloud = StartWithSlowFirstPage(seed);
        using var first = cloud.CreateContext(o => o.PageSize(PageSize));

        var firstIds = (await first.Images.AsNoTracking().ToListAsync()).Select(i => i.Id).ToList();
        var firstRequests = cloud.Requests;
        var firstConcurrency = cloud.Fake.MaxConcurrentRequestsObserved;
        cloud.Fake.ClearRequests();

        // Another context with the same token: the memory is the token's, not the context's.
        using var second = cloud.CreateContext(o => o.PageSize(PageSize));
        var secondIds = new List<long>();
        await foreach (var image in second.Images.AsNoTracking().AsAsyncEnumerable())
        {
            secondIds.Add(image.Id);
        }

        Assert.Equal(seed.Select(i => i.Id), firstIds);
        Assert.Equal(seed.Select(i => i.Id), secondIds);
        RequestAssert.Sent(firstRequests, RequestAssert.Pages(Listing, 4));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages(Listing, 4));

        // The first listing waited for page 1 (held for a second) before asking for pages 2 to 4; the second did not.
        Assert.InRange(firstConcurrency, 1, 3);
        Assert.Equal(4, cloud.Fake.MaxConcurrentRequestsObserved);
    }

    [Fact]
    public async Task With_the_defaults_10_pages_take_page_1_then_two_rounds_at_first_and_two_rounds_when_listed_again()
    {
        // 5 in flight by default: the narrowest window that sends 10 pages in two rounds once their total is remembered.
        var seed = FakeCatalog.PrivateImages(20);
        using var cloud = StartWithSlowFirstPage(seed);
        using var db = cloud.CreateContext(o => o.PageSize(PageSize));
        var pages = RequestAssert.Pages(Listing, 10);

        var first = await db.Images.AsNoTracking().ToListAsync();
        var firstRequests = cloud.Requests;
        var firstConcurrency = cloud.Fake.MaxConcurrentRequestsObserved;
        cloud.Fake.ClearRequests();
        var again = await db.Images.AsNoTracking().ToListAsync();

        Assert.Equal(seed.Select(i => i.Id), first.Select(i => i.Id));
        Assert.Equal(seed.Select(i => i.Id), again.Select(i => i.Id));

        // At first page 1 (held for a second) goes alone; pages 2 to 6 go out when it answers, 7 to 10 as those answer.
        Assert.Equal(10, firstRequests.Count);
        RequestAssert.Sent(firstRequests.Take(1), pages[0]);
        RequestAssert.Sent(firstRequests.Skip(1).Take(5), pages[1..6]);
        RequestAssert.Sent(firstRequests.Skip(6), pages[6..]);
        Assert.Equal(5, firstConcurrency);

        // Listed again, pages 1 to 5 go out together; 6 to 10 wait for page 1, which still answers first.
        Assert.Equal(10, cloud.Requests.Count);
        RequestAssert.Sent(cloud.Requests.Take(5), pages[..5]);
        RequestAssert.Sent(cloud.Requests.Skip(5), pages[5..]);
        Assert.Equal(5, cloud.Fake.MaxConcurrentRequestsObserved);
    }

    [Fact]
    public async Task A_total_from_Count_lets_the_next_listing_send_its_pages_with_page_1()
    {
        var seed = FakeCatalog.PrivateImages(8);
        using var cloud = StartWithSlowFirstPage(seed);
        using var db = cloud.CreateContext(o => o.PageSize(PageSize));

        var count = await db.Images.CountAsync();
        cloud.Fake.ClearRequests();
        var images = await db.Images.AsNoTracking().ToListAsync();

        Assert.Equal(8, count);
        Assert.Equal(seed.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages(Listing, 4));
        Assert.Equal(4, cloud.Fake.MaxConcurrentRequestsObserved);
    }

    [Fact]
    public async Task A_catalogue_that_lost_a_page_costs_at_most_one_request_and_lists_what_is_left()
    {
        var seed = FakeCatalog.PrivateImages(8);

        var (ids, requests) = await ListAgainAfter(seed, fake => Remove(fake, seed.Skip(6)));

        Assert.Equal(seed.Take(6).Select(i => i.Id), ids);
        var pages = PagesOf(requests);
        Assert.Equal([1, 2, 3], pages.Where(p => p <= 3).Order());
        Assert.All(pages, p => Assert.InRange(p, 1, 4));
    }

    [Fact]
    public async Task A_catalogue_that_shrank_within_its_last_page_costs_no_request()
    {
        var seed = FakeCatalog.PrivateImages(8);

        var (ids, requests) = await ListAgainAfter(seed, fake => Remove(fake, seed.Skip(7)));

        Assert.Equal(seed.Take(7).Select(i => i.Id), ids);
        RequestAssert.Sent(requests, RequestAssert.Pages(Listing, 4));
    }

    [Fact]
    public async Task A_catalogue_that_lost_more_pages_than_the_window_wastes_no_more_than_the_pages_sent_ahead()
    {
        var seed = FakeCatalog.PrivateImages(8);

        var (ids, requests) = await ListAgainAfter(seed, fake => Remove(fake, seed.Skip(1)));

        Assert.Equal([seed[0].Id], ids);
        var pages = PagesOf(requests);
        Assert.Single(pages, 1);
        Assert.All(pages, p => Assert.InRange(p, 1, 4));
    }

    [Fact]
    public async Task A_catalogue_that_grew_is_completed_after_page_1_tells_the_new_total()
    {
        var seed = FakeCatalog.PrivateImages(12);

        var (ids, requests) = await ListAgainAfter(
            seed.Take(8),
            fake =>
            {
                foreach (var image in seed.Skip(8))
                {
                    fake.AddImage(image);
                }
            });

        Assert.Equal(seed.Select(i => i.Id), ids);
        RequestAssert.Sent(requests, RequestAssert.Pages(Listing, 6));
    }

    [Fact]
    public async Task Listings_with_different_filters_keep_their_own_totals()
    {
        var big = Enumerable.Range(1, 8).Select(i => Seeds.PrivateImage(100 + i, $"big-{i}", "big")).ToList();
        var small = Seeds.PrivateImage(200, "small-1", "small");
        using var cloud = StartWithSlowFirstPage([.. big, small]);
        using var db = cloud.CreateContext(o => o.PageSize(PageSize));
        await db.Images.AsNoTracking().Where(i => i.Tags.Contains("big")).ToListAsync();
        await db.Images.AsNoTracking().Where(i => i.Tags.Contains("small")).ToListAsync();
        cloud.Fake.ClearRequests();

        var smallAgain = await db.Images.AsNoTracking().Where(i => i.Tags.Contains("small")).ToListAsync();

        Assert.Equal([small.Id], smallAgain.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?tag_name=small&per_page=2&page=1");
        cloud.Fake.ClearRequests();

        var bigAgain = await db.Images.AsNoTracking().Where(i => i.Tags.Contains("big")).ToListAsync();

        Assert.Equal(big.Select(i => i.Id), bigAgain.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?tag_name=big&per_page=2", 4));
        Assert.Equal(4, cloud.Fake.MaxConcurrentRequestsObserved);
    }

    /// <param name="images">8 (4 pages, within the default window) or 20 (10 pages, twice the default window).</param>
    [Theory]
    [InlineData(8)]
    [InlineData(20)]
    public async Task Queries_that_may_stop_early_send_what_they_sent_before_the_listing_was_remembered(int images)
    {
        var seed = FakeCatalog.PrivateImages(images);
        using var cloud = Start(seed);
        using var db = cloud.CreateContext(o => o.PageSize(PageSize));
        await db.Images.AsNoTracking().ToListAsync();

        async Task<IReadOnlyList<RecordedRequest>> Sent(Func<Task> query)
        {
            cloud.Fake.ClearRequests();
            await query();
            return cloud.Requests;
        }

        var second = seed[1].Name;
        RequestAssert.Sent(await Sent(() => db.Images.AsNoTracking().Take(3).ToListAsync()), RequestAssert.Pages(Listing, 2));
        RequestAssert.Sent(await Sent(() => db.Images.AsNoTracking().FirstAsync(i => i.Name == second)), $"{Listing}&page=1");
        RequestAssert.Sent(await Sent(() => db.Images.AnyAsync(i => i.Name == second)), $"{Listing}&page=1");
        RequestAssert.Sent(await Sent(() => db.Images.AllAsync(i => i.Name != second)), $"{Listing}&page=1");
        RequestAssert.Sent(await Sent(() => db.Images.AsNoTracking().FirstAsync()), "GET /v2/images?per_page=1&page=1");
        RequestAssert.Sent(await Sent(() => db.Images.AnyAsync()), "GET /v2/images?per_page=1&page=1");
        RequestAssert.Sent(await Sent(() => db.Images.CountAsync()), "GET /v2/images?per_page=1&page=1");
        RequestAssert.Sent(await Sent(() => db.Images.FindAsync(seed[0].Id).AsTask()), $"GET /v2/images/{seed[0].Id}");
    }

    /// <summary>Lists <paramref name="seed" />, changes the catalogue, and lists again: what the second listing returned and sent.</summary>
    private static async Task<(List<long> Ids, IReadOnlyList<RecordedRequest> Requests)> ListAgainAfter(
        IEnumerable<FakeImage> seed, Action<DigitalOceanFake> change)
    {
        using var cloud = Start(seed);
        using var db = cloud.CreateContext(o => o.PageSize(PageSize));
        await db.Images.AsNoTracking().ToListAsync();
        change(cloud.Fake);
        cloud.Fake.ClearRequests();

        var images = await db.Images.AsNoTracking().ToListAsync();
        return ([.. images.Select(i => i.Id)], cloud.Requests);
    }

    private static void Remove(DigitalOceanFake fake, IEnumerable<FakeImage> images)
    {
        foreach (var image in images)
        {
            fake.RemoveImage(image.Id);
        }
    }

    internal static TestCloud Start(IEnumerable<FakeImage> seed, TimeSpan latency = default)
        => TestCloud.Start(new DigitalOceanFakeOptions { AccessToken = SecretAssert.NewToken(), Seed = seed, Latency = latency });

    /// <summary>
    ///     Every request takes 50 ms, so that requests sent together are in flight together; from <see cref="SlowFirstPages" />
    ///     on, page 1 of a listing takes a second more.
    /// </summary>
    private static TestCloud StartWithSlowFirstPage(IEnumerable<FakeImage> seed)
    {
        var cloud = Start(seed, TimeSpan.FromMilliseconds(50));
        SlowFirstPages(cloud);
        return cloud;
    }

    /// <summary>Page 1 of a listing (not a count) waits a second: pages asked for before it answered are in flight beside it.</summary>
    internal static void SlowFirstPages(TestCloud cloud)
        => cloud.Fake.InjectFault(new FakeFault
        {
            Method = "GET",
            Kind = FaultKind.SlowResponse,
            Delay = TimeSpan.FromSeconds(1),
            When = r => r.Query.TryGetValue("page", out var page) && page == "1" && r.Query["per_page"] != "1",
            Times = int.MaxValue
        });

    private static List<int> PagesOf(IEnumerable<RecordedRequest> requests) => [.. requests.Select(r => int.Parse(r.Query["page"]))];
}
