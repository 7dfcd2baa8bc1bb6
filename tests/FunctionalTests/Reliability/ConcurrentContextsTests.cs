using System.Net;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     Many contexts at once, half of them with another token: each gets its own answer. Contexts share one EF service provider,
///     one connection pool and one cache of retry policies, so a token or an answer leaking between them would show here.
/// </summary>
public class ConcurrentContextsTests
{
    private const int Contexts = 50;
    private const int PageSize = 10;

    [Fact]
    public async Task Fifty_contexts_with_two_tokens_on_one_fake_get_401_exactly_where_the_token_is_wrong()
    {
        var seed = FakeCatalog.PrivateImages(3 * PageSize);
        using var cloud = FaultyCloud.Start(seed);
        var wrongToken = SecretAssert.NewToken();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Contexts).Select(n => Task.Run(async () =>
        {
            var hasRightToken = n % 2 == 0;
            using var db = cloud.CreateContextWithToken(hasRightToken ? cloud.Fake.AccessToken : wrongToken, o => o.PageSize(PageSize));
            try
            {
                return (hasRightToken, Ids: (await db.Images.ToListAsync()).Select(i => i.Id).ToList(), Error: (HttpStatusCode?)null);
            }
            catch (DigitalOceanApiException error)
            {
                return (hasRightToken, Ids: [], Error: error.StatusCode);
            }
        })));

        Assert.All(outcomes.Where(o => o.hasRightToken), o =>
        {
            Assert.Null(o.Error);
            Assert.Equal(seed.Select(i => i.Id), o.Ids);
        });
        Assert.All(outcomes.Where(o => !o.hasRightToken), o => Assert.Equal(HttpStatusCode.Unauthorized, o.Error));

        // 25 listings of 3 pages with the right token; 25 first pages refused, never retried, with the wrong one.
        Assert.Equal(Contexts / 2 * 3, cloud.Requests.Count(r => r.HadValidToken && r.StatusCode == 200));
        Assert.Equal(Contexts / 2, cloud.Requests.Count(r => !r.HadValidToken && r.StatusCode == 401 && r.IsPage(1)));
        Assert.Equal(Contexts / 2 * 4, cloud.Requests.Count);
    }

    [Fact]
    public async Task Fifty_contexts_on_two_fakes_with_their_own_tokens_each_get_their_own_catalogue()
    {
        using var cloudA = FaultyCloud.Start(FakeCatalog.PrivateImages(2 * PageSize, firstId: 1_000));
        using var cloudB = FaultyCloud.Start(FakeCatalog.PrivateImages(3 * PageSize, firstId: 2_000));

        var results = await Task.WhenAll(Enumerable.Range(0, Contexts).Select(n => Task.Run(async () =>
        {
            var cloud = n % 2 == 0 ? cloudA : cloudB;
            using var db = cloud.CreateContext(o => o.PageSize(PageSize));
            return (cloud, Ids: (await db.Images.ToListAsync()).Select(i => i.Id).ToList());
        })));

        Assert.All(results, r => Assert.Equal(r.cloud.Fake.Images.Select(i => i.Id), r.Ids));
        Assert.Equal(Contexts / 2 * 2, cloudA.Requests.Count);
        Assert.Equal(Contexts / 2 * 3, cloudB.Requests.Count);
        Assert.All(cloudA.Requests.Concat(cloudB.Requests), r => Assert.True(r.HadValidToken, "A request carried the other fake's token."));
    }
}
