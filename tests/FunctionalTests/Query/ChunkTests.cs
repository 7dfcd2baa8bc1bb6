using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>Chunk</c> runs in memory over the materialized results, with or without a scope operator before it.</summary>
public class ChunkTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PrivateOnly_then_Chunk_gives_the_listed_images_in_chunks(bool async)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var chunks = async ? await db.Images.PrivateOnly().Chunk(10).ToListAsync() : db.Images.PrivateOnly().Chunk(10).ToList();

        var expected = cloud.Fake.Images.Where(i => i.Category == ImageCategory.User).Select(i => i.Id).Chunk(10);
        Assert.Equal(expected, chunks.Select(c => c.Select(i => i.Id).ToArray()));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?private=true&per_page=200&page=1");
    }

    [Fact]
    public void Chunk_of_the_whole_catalogue_works_too()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(101, "a"), Seeds.PrivateImage(102, "b"), Seeds.PrivateImage(103, "c")]);
        using var db = cloud.CreateContext();

        var chunks = db.Images.Chunk(2).ToList();

        Assert.Equal([[101L, 102L], [103L]], chunks.Select(c => c.Select(i => i.Id).ToArray()));
    }
}
