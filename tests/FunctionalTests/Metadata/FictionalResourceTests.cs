using EFCore.DigitalOcean.FunctionalTests.Reliability;
using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DigitalOcean.FunctionalTests.Metadata;

/// <summary>
///     A resource is data: a third, fictional resource is mapped by adding its description to the resource table (here through
///     the internal service provider, as a test can) and an entity class, with no other change, and every query shape works
///     for it as it does for images.
/// </summary>
public class FictionalResourceTests
{
    public class Widget
    {
        public string Code { get; set; } = "";

        public string Name { get; set; } = "";

        public string? Color { get; set; }

        public IReadOnlyList<string> Parts { get; set; } = [];
    }

    private sealed class WidgetContext(DbContextOptions<WidgetContext> options) : DbContext(options)
    {
        public DbSet<Widget> Widgets => Set<Widget>();
    }

    private static readonly ApiResource Widgets = new()
    {
        ClrType = typeof(Widget),
        CollectionPath = "v2/widgets",
        CollectionKey = "widgets",
        ItemKey = "widget",
        KeyProperty = nameof(Widget.Code),
        DisplayProperty = nameof(Widget.Name),
        Capabilities = ApiCapabilities.List | ApiCapabilities.GetByKey,
        Filters = [new ApiFilter("color", nameof(Widget.Color), ApiFilterOperator.Equal)],
    };

    private const string Page = """
        {"widgets":[{"code":"w-1","name":"First","color":"red","parts":["a","b"]},{"code":"w-2","name":"Second","color":"blue"}],
         "links":{},"meta":{"total":2}}
        """;

    private const string RedPage = """{"widgets":[{"code":"w-1","name":"First","color":"red","parts":["a","b"]}],"links":{},"meta":{"total":1}}""";

    private const string Item = """{"widget":{"code":"w-1","name":"First","color":"red","parts":["a","b"]}}""";

    private static WidgetContext CreateContext(CannedHttpServer server)
    {
        var services = new ServiceCollection()
            .AddSingleton(new ApiResourceTable([.. ApiResources.All, Widgets]))
            .AddEntityFrameworkDigitalOcean()
            .BuildServiceProvider();
        return new WidgetContext(
            new DbContextOptionsBuilder<WidgetContext>()
                .UseDigitalOcean("widget-token", o => o.BaseAddress(server.BaseAddress))
                .UseInternalServiceProvider(services)
                .Options);
    }

    [Fact]
    public async Task The_fictional_resource_is_listed_filtered_read_by_key_and_counted()
    {
        using var server = CannedHttpServer.Start(request => CannedHttpServer.Json(
            request.Target.StartsWith("/v2/widgets/", StringComparison.Ordinal) ? Item
            : request.Target.Contains("color=red", StringComparison.Ordinal) ? RedPage
            : Page));
        await using var db = CreateContext(server);

        var all = await db.Widgets.ToListAsync();
        var red = await db.Widgets.Where(w => w.Color == "red").ToListAsync();
        var one = await db.Widgets.SingleOrDefaultAsync(w => w.Code == "w-1");
        var count = await db.Widgets.CountAsync();

        Assert.Equal(["w-1", "w-2"], all.Select(w => w.Code));
        Assert.Equal(["a", "b"], all[0].Parts);
        Assert.Empty(all[1].Parts);
        Assert.Equal(["w-1"], red.Select(w => w.Code));
        Assert.Same(all[0], one);
        Assert.Equal(2, count);
        Assert.Equal(
            [
                "GET /v2/widgets?per_page=200&page=1",
                "GET /v2/widgets?color=red&per_page=200&page=1",
                "GET /v2/widgets/w-1",
                "GET /v2/widgets?per_page=1&page=1",
            ],
            server.Received.Select(r => r.RequestLine));
    }

    [Fact]
    public void What_the_description_does_not_allow_is_refused_before_any_request()
    {
        using var server = CannedHttpServer.Start(_ => CannedHttpServer.Json(Page));
        using var db = CreateContext(server);

        db.Widgets.Add(new Widget { Code = "w-9", Name = "New" });
        var create = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        var delete = Assert.Throws<InvalidOperationException>(() => db.Widgets.Where(w => w.Code == "w-1").ExecuteDelete());

        Assert.Contains("the API cannot create a Widget", create.Message);
        Assert.Contains("ExecuteDelete cannot delete Widget items", delete.Message);
        Assert.Empty(server.Received);
    }
}
