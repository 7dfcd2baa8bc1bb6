using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     A value that repeats from item to item of a page (a type, a status, a region slug, a tag, a list of them) is read into
///     one instance that every item holding it shares; strings and the provider's lists cannot change, so only the memory
///     shows it. Values are still read exactly, whatever their escaping, and a wrong JSON type is still an error.
/// </summary>
public sealed class RepeatedValuesTests : IDisposable
{
    private const string Page = """
        {"images":[
          {"id":1,"name":"one","type":"snapshot","status":"available","regions":["nyc3","ams3"],"tags":["web"],"created_at":"2026-11-27T00:00:00Z"},
          {"id":2,"name":"two","type":"snapshot","status":"available","regions":["nyc3","ams3"],"tags":["web"],"created_at":"2026-11-27T00:00:00Z"},
          {"id":3,"name":"three","type":"backup","status":"available","regions":["ams3","nyc3"],"tags":["web","ci"],"created_at":"2026-11-27T00:00:00Z"},
          {"id":4,"name":"four","type":"snap\u0073hot","status":"avail\"able","regions":["nyc3","ams3"],"tags":[],"created_at":"2026-11-27T00:00:00Z"}
        ],"meta":{"total":4}}
        """;

    private readonly CannedHttpServer _server;
    private readonly TestCloud _cloud = FaultyCloud.Start();
    private string _body = Page;

    public RepeatedValuesTests() => _server = CannedHttpServer.Start(_ => CannedHttpServer.Json(_body));

    [Fact]
    public async Task Equal_strings_and_lists_of_a_page_are_one_instance_and_every_value_reads_exactly()
    {
        using var db = NewContext();

        var images = await db.Images.OrderBy(i => i.Id).ToListAsync();

        Assert.Equal(
            [
                (1L, "one", "snapshot", "available", "nyc3,ams3", "web"),
                (2L, "two", "snapshot", "available", "nyc3,ams3", "web"),
                (3L, "three", "backup", "available", "ams3,nyc3", "web,ci"),
                (4L, "four", "snapshot", "avail\"able", "nyc3,ams3", ""),
            ],
            images.Select(i => (i.Id, i.Name, i.Type, i.Status, string.Join(",", i.Regions), string.Join(",", i.Tags))));
        var (one, two, three, four) = (images[0], images[1], images[2], images[3]);
        Assert.Same(one.Type, two.Type);
        Assert.Same(one.Status, three.Status);
        Assert.Same(one.Regions, two.Regions);
        Assert.Same(one.Tags, two.Tags);
        Assert.Same(one.Tags[0], three.Tags[0]);
        Assert.Same(one.Regions[0], three.Regions[1]);

        // The same strings in another order are another list; an escaped string reads exactly, and its item still shares the
        // lists it repeats.
        Assert.NotSame(one.Regions, three.Regions);
        Assert.Same(one.Regions, four.Regions);
        Assert.Equal("GET /v2/images?per_page=200&page=1", Assert.Single(_server.Received).RequestLine);
    }

    [Fact]
    public async Task Shared_lists_are_still_each_images_own_to_change_tracking()
    {
        using var db = NewContext();
        var images = await db.Images.OrderBy(i => i.Id).ToListAsync();

        images[0].Tags = ["web", "prod"];
        db.ChangeTracker.DetectChanges();

        Assert.Equal(
            [EntityState.Modified, EntityState.Unchanged, EntityState.Unchanged, EntityState.Unchanged],
            images.Select(i => db.Entry(i).State));
        Assert.True(db.Entry(images[0]).Property(i => i.Tags).IsModified);
        Assert.Equal(["web"], images[1].Tags);
        Assert.Equal(["web"], (IEnumerable<string>)db.Entry(images[0]).Property(i => i.Tags).OriginalValue);
    }

    [Theory]
    [InlineData("""{"id":1,"name":"one","type":"snapshot","created_at":"2026-11-27T00:00:00Z"},{"id":2,"name":"two","type":7,"created_at":"2026-11-27T00:00:00Z"}""", "type", "Number", "String")]
    [InlineData("""{"id":1,"name":"one","regions":["nyc3"],"created_at":"2026-11-27T00:00:00Z"},{"id":2,"name":"two","regions":["nyc3",3],"created_at":"2026-11-27T00:00:00Z"}""", "regions", "Number", "StringList")]
    public async Task A_repeat_of_the_wrong_JSON_type_is_still_an_error_naming_the_field(string items, string field, string token, string kind)
    {
        _body = """{"images":[""" + items + """],"meta":{"total":2}}""";
        using var db = NewContext();

        var error = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        Assert.Equal(
            $"The response to GET /v2/images?per_page=200&page=1 (200) could not be read: the field '{field}' is {token}, not {kind}",
            error.Message);
        Assert.Equal("GET /v2/images?per_page=200&page=1", Assert.Single(_server.Received).RequestLine);
    }

    public void Dispose()
    {
        _cloud.Dispose();
        _server.Dispose();
    }

    private CloudContext NewContext() => _cloud.CreateFastContext(o => o.BaseAddress(_server.BaseAddress));
}
