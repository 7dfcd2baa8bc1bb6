using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>What the API may add tomorrow (a status, a region, a type, a field) never breaks a query.</summary>
public class UnknownValuesTests
{
    [Fact]
    public async Task Unknown_statuses_regions_types_and_distributions_are_read_as_they_are()
    {
        var odd = new FakeImage
        {
            Id = 42,
            Name = "from-the-future",
            Status = "archived",
            Regions = ["xyz9", "nyc3"],
            Type = "appliance",
            Distribution = "Plan 9",
            CreatedAt = FakeCatalog.DefaultNow,
        };
        using var cloud = FaultyCloud.Start([odd]);
        using var db = cloud.CreateFastContext();

        var listed = Assert.Single(await db.Images.ToListAsync());
        var read = await db.Images.AsNoTracking().SingleAsync(i => i.Id == 42);

        foreach (var image in new[] { listed, read })
        {
            Assert.Equal(("archived", "appliance", "Plan 9"), (image.Status, image.Type, image.Distribution));
            Assert.Equal(["xyz9", "nyc3"], image.Regions);
        }

        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1", "GET /v2/images/42");
    }

    [Fact]
    public async Task Unknown_fields_anywhere_in_a_page_are_skipped()
    {
        // The fake writes only the fields it knows, so this page comes from a canned server.
        const string page = """
            {"images":[{"id":42,"name":"with-extras","vendor_score":{"nested":[1,{"deep":null}],"flag":true},
              "regions":["nyc3"],"next_gen_field":"x","created_at":"2026-11-27T00:00:00Z","tags":["a"],"status":"available"}],
             "links":{"pages":{"cursor":"opaque"}},"meta":{"total":1,"took_ms":3},"debug":[1,2,3]}
            """;
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json(page));
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateFastContext(o => o.BaseAddress(server.BaseAddress));

        var image = Assert.Single(await db.Images.ToListAsync());

        Assert.Equal((42L, "with-extras", "available"), (image.Id, image.Name, image.Status));
        Assert.Equal(["nyc3"], image.Regions);
        Assert.Equal(["a"], image.Tags);
        Assert.Equal("GET /v2/images?per_page=200&page=1", Assert.Single(server.Received).RequestLine);
    }
}
