using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>ids.Contains(i.Id)</c> reads a short list of ids one by one, and lists (and filters) for a longer one.</summary>
public class IdListTests
{
    private static readonly IReadOnlyList<FakeImage> Seed = FakeCatalog.PrivateImages(450);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_short_id_list_reads_each_distinct_id_once(bool async)
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();
        var ids = new List<long> { Seed[5].Id, 1, Seed[2].Id, Seed[5].Id };

        var images = await QueryRunner.ToListAsync(db.Images.Where(i => ids.Contains(i.Id)), async);

        Assert.Equal([Seed[2].Id, Seed[5].Id], images.Select(i => i.Id).Order());
        Assert.Equal(2, db.ChangeTracker.Entries().Count());
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{Seed[5].Id}", "GET /v2/images/1", $"GET /v2/images/{Seed[2].Id}");
    }

    [Fact]
    public void A_list_of_more_than_twenty_ids_is_listed_and_filtered()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();
        var ids = Seed.Skip(400).Take(21).Select(i => i.Id).ToArray();

        var images = db.Images.Where(i => ids.Contains(i.Id)).ToList();

        Assert.Equal(ids, images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=200", 3));
    }

    [Fact]
    public void An_empty_id_list_sends_nothing()
    {
        using var cloud = TestCloud.Start(Seed);
        using var db = cloud.CreateContext();
        var ids = Array.Empty<long>();

        Assert.Empty(db.Images.Where(i => ids.Contains(i.Id)).ToList());
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void With_a_scope_operator_the_id_list_is_filtered_in_memory()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var ids = cloud.Fake.Images.Where(i => i.Category != ImageCategory.User).Take(3).Select(i => i.Id).ToList();

        var images = db.Images.PrivateOnly().Where(i => ids.Contains(i.Id)).ToList();

        Assert.Empty(images);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?private=true&per_page=200&page=1");
    }
}
