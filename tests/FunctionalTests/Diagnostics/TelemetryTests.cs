using System.Diagnostics;
using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.Reliability;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Diagnostics;

/// <summary>
///     OpenTelemetry through the real SDK: one span per provider operation, parent of the HTTP client's spans (System.Net.Http's
///     own source), tagged after OpenTelemetry's database conventions; the provider's meter; and EF Core's own query and
///     SaveChanges counters, which a provider must feed.
/// </summary>
[Collection(TelemetryCollection.Name)]
public class TelemetryTests
{
    private const string Requests = "digitalocean.client.requests";
    private const string Duration = "digitalocean.client.request.duration";
    private const string Retries = "digitalocean.client.retries";
    private const string RateLimitRemaining = "digitalocean.client.rate_limit.remaining";
    private const string EfQueries = "microsoft.entityframeworkcore.queries";
    private const string EfSaveChanges = "microsoft.entityframeworkcore.savechanges";
    private const int Budget = 4321;

    [Fact]
    public async Task A_paged_listing_is_one_query_span_over_its_three_HTTP_spans_and_three_counted_requests()
    {
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions
        {
            AccessToken = SecretAssert.NewToken(),
            Seed = Enumerable.Range(1, 450).Select(i => Seeds.PrivateImage(i, "image-" + i)),
            RateLimitRemaining = Budget
        });
        using var db = cloud.CreateContext();
        using var telemetry = new TelemetryCapture();
        var queriesBefore = telemetry.Sum(EfQueries);

        var images = await db.Images.PrivateOnly().ToListAsync();

        Assert.Equal(450, images.Count);
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?private=true&per_page=200", 3));
        var query = Assert.Single(telemetry.ProviderSpans);
        Assert.Equal("query images", query.DisplayName);
        Assert.Equal(ActivityKind.Client, query.Kind);
        Assert.Equal(telemetry.Root.SpanId, query.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, query.Status);
        AssertTags(query, ("db.system.name", "digitalocean"), ("db.operation.name", "query"), ("db.collection.name", "images"),
            ("server.address", "127.0.0.1"), ("digitalocean.requests", 3), ("digitalocean.items", 450L),
            ("db.response.returned_rows", 450L), ("digitalocean.retries", 0), ("digitalocean.throttle_waits", 0));
        var http = telemetry.ChildrenOf(query);
        Assert.Equal(3, http.Count);
        Assert.All(http, h => Assert.Equal(TelemetryCapture.HttpSourceName, h.Source.Name));
        Assert.All(http, h => AssertTags(h, ("http.request.method", "GET"), ("http.response.status_code", 200)));

        Assert.Equal(3, telemetry.Sum(Requests, Server(cloud), ("http.request.method", "GET"), ("db.collection.name", "images"), ("http.response.status_code", 200)));
        Assert.Equal(3, telemetry.Sum(Requests, Server(cloud)));
        Assert.Equal(3, telemetry.HistogramCount(Duration, Server(cloud), ("http.request.method", "GET"), ("db.collection.name", "images")));
        Assert.Equal(0, telemetry.Sum(Retries, Server(cloud)));
        var gauge = telemetry.Collect(RateLimitRemaining);
        // The last answer to arrive sets the gauge; pages 2 and 3 are in flight together, so it is page 2's or page 3's.
        var ours = Assert.Single(gauge, p => p.GetGaugeLastValueLong() is Budget - 3 or Budget - 2);
        Assert.Equal(["digitalocean.rate_limit.id"], TelemetryCapture.Tags(ours).Keys);
        Assert.Equal(1, telemetry.Sum(EfQueries) - queriesBefore);
        AssertTokenNowhere(telemetry, cloud.Fake.AccessToken);
    }

    [Fact]
    public async Task A_point_read_is_one_span_over_one_HTTP_span_and_a_404_is_no_error()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(101, "web-01")]);
        using var db = cloud.CreateContext();
        using var telemetry = new TelemetryCapture();
        var queriesBefore = telemetry.Sum(EfQueries);

        var found = await db.Images.FindAsync(101L);
        var missing = await db.Images.FindAsync(999L);

        Assert.Equal("web-01", found!.Name);
        Assert.Null(missing);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images/101", "GET /v2/images/999");
        var spans = telemetry.ProviderSpans;
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
        Assert.All(spans, s => Assert.Equal(telemetry.Root.SpanId, s.ParentSpanId));
        AssertTags(spans[0], ("db.operation.name", "query"), ("digitalocean.requests", 1), ("digitalocean.items", 1L));
        AssertTags(spans[1], ("db.operation.name", "query"), ("digitalocean.requests", 1), ("digitalocean.items", 0L));
        AssertTags(Assert.Single(telemetry.ChildrenOf(spans[0])), ("http.response.status_code", 200));
        AssertTags(Assert.Single(telemetry.ChildrenOf(spans[1])), ("http.response.status_code", 404));

        Assert.Equal(1, telemetry.Sum(Requests, Server(cloud), ("http.request.method", "GET"), ("http.response.status_code", 200)));
        Assert.Equal(1, telemetry.Sum(Requests, Server(cloud), ("http.request.method", "GET"), ("http.response.status_code", 404)));
        Assert.Equal(2, telemetry.Sum(EfQueries) - queriesBefore);
    }

    [Fact]
    public async Task A_partly_failed_SaveChanges_is_one_failed_span_over_every_attempt_with_its_retry_counted()
    {
        using var cloud = TestCloud.Start(
            [OwnImages.Snapshot(101, "web-01"), OwnImages.Snapshot(102, "old-a"), OwnImages.Snapshot(103, "old-b")]);
        using var db = cloud.CreateContext(o => o.MaxRetries(1).RetryDelay(TimeSpan.Zero));
        var renamed = await db.Images.SingleAsync(i => i.Id == 101);
        var deleted = await db.Images.Where(i => i.Id == 102 || i.Id == 103).ToListAsync();
        renamed.Name = "web-01 v2";
        db.Images.RemoveRange(deleted);
        cloud.Fake.ClearRequests();
        cloud.Fake.InjectFault(new FakeFault { Method = "DELETE", When = r => r.Path == "/v2/images/103", Times = int.MaxValue });
        using var telemetry = new TelemetryCapture();
        var saveChangesBefore = telemetry.Sum(EfSaveChanges);

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        RequestAssert.Sent(cloud.Requests, "PUT /v2/images/101", "DELETE /v2/images/102", "DELETE /v2/images/103", "DELETE /v2/images/103");
        var save = Assert.Single(telemetry.ProviderSpans);
        Assert.Equal("SaveChanges images", save.DisplayName);
        Assert.Equal(telemetry.Root.SpanId, save.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Error, save.Status);
        Assert.Equal(exception.Message, save.StatusDescription);
        AssertTags(save, ("db.system.name", "digitalocean"), ("db.operation.name", "SaveChanges"), ("db.collection.name", "images"),
            ("digitalocean.requests", 4), ("digitalocean.retries", 1), ("digitalocean.items", 3L),
            ("error.type", typeof(DbUpdateException).FullName!));
        Assert.Contains(save.Events, e => e.Name == "exception");
        var http = telemetry.ChildrenOf(save);
        Assert.Equal(
            ["DELETE 204", "DELETE 500", "DELETE 500", "PUT 200"],
            http.Select(h => h.GetTagItem("http.request.method") + " " + h.GetTagItem("http.response.status_code")).Order());

        Assert.Equal(1, telemetry.Sum(Requests, Server(cloud), ("http.request.method", "PUT"), ("http.response.status_code", 200)));
        Assert.Equal(1, telemetry.Sum(Requests, Server(cloud), ("http.request.method", "DELETE"), ("http.response.status_code", 204)));
        Assert.Equal(2, telemetry.Sum(Requests, Server(cloud), ("http.request.method", "DELETE"), ("http.response.status_code", 500)));
        Assert.Equal(1, telemetry.Sum(Retries, Server(cloud), ("http.request.method", "DELETE"), ("db.collection.name", "images")));
        Assert.Equal(1, telemetry.Sum(Retries, Server(cloud)));
        Assert.Equal(1, telemetry.Sum(EfSaveChanges) - saveChangesBefore);
    }

    [Fact]
    public async Task ExecuteDelete_and_a_wait_are_spans_of_their_own_over_their_requests()
    {
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions
        {
            // The ExecuteDelete's listing polls the import once too, as the API's listings show progress: two GETs remain.
            Seed = [OwnImages.Snapshot(101, "old-a"), OwnImages.Snapshot(102, "old-b")], ImportPolls = 3
        });
        using var db = cloud.CreateContext();
        var image = new Image { Name = "talos", Url = "https://images.example.com/talos.qcow2", Region = "nyc3" };
        db.Images.Add(image);
        await db.SaveChangesAsync();
        using var telemetry = new TelemetryCapture();
        var queriesBefore = telemetry.Sum(EfQueries);

        var deleted = await db.Images.PrivateOnly().Where(i => i.Name.StartsWith("old-")).ExecuteDeleteAsync();
        await db.Images.WaitUntilAvailableAsync(image);

        Assert.Equal(2, deleted);
        var delete = Assert.Single(telemetry.ProviderSpans, s => s.DisplayName == "ExecuteDelete images");
        AssertTags(delete, ("db.operation.name", "ExecuteDelete"), ("digitalocean.requests", 3), ("digitalocean.items", 2L));
        Assert.Equal(["DELETE", "DELETE", "GET"], telemetry.ChildrenOf(delete).Select(h => (string)h.GetTagItem("http.request.method")!).Order());
        var wait = Assert.Single(telemetry.ProviderSpans, s => s.DisplayName == "WaitUntilAvailable images");
        AssertTags(wait, ("db.operation.name", "WaitUntilAvailable"), ("digitalocean.requests", 2), ("digitalocean.items", 1L));
        var polls = telemetry.ChildrenOf(wait);
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.Equal("query images", p.DisplayName));
        Assert.All(polls, p => Assert.Single(telemetry.ChildrenOf(p)));
        Assert.Equal(3, telemetry.Sum(EfQueries) - queriesBefore);
    }

    [Fact]
    public async Task Rate_limit_waits_are_counted_on_the_span_and_the_meter()
    {
        // 15 of 5000 left, the reset 60 s away on the provider's clock: pages 2 and 3 each wait for their slot.
        var serverClock = new FakeTimeProvider(FakeCatalog.DefaultNow);
        var clientClock = new FakeTimeProvider(FakeCatalog.DefaultNow + TimeSpan.FromHours(1) - TimeSpan.FromSeconds(60));
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(60), serverClock, 15);
        using var db = cloud.CreateFastContext(o => o.TimeProvider(clientClock).PageSize(20).MaxConcurrentRequests(1));
        using var telemetry = new TelemetryCapture();

        var query = db.Images.ToListAsync();
        await Eventually.Until(() => cloud.Log.Of(DigitalOceanEventId.RequestThrottled).Count > 0, "the first throttled request");
        await FakeClock.AdvanceUntil(clientClock, TimeSpan.FromMilliseconds(500), () => query.IsCompleted, "the listing");

        Assert.Equal(60, (await query).Count);
        var span = Assert.Single(telemetry.ProviderSpans);
        AssertTags(span, ("digitalocean.requests", 3), ("digitalocean.throttle_waits", 2));
        Assert.Equal(2, telemetry.Sum("digitalocean.client.throttle_waits", Server(cloud), ("http.request.method", "GET"), ("db.collection.name", "images")));
        Assert.Equal(2, cloud.Log.Of(DigitalOceanEventId.RequestThrottled).Count);
    }

    [Fact]
    public async Task A_failed_query_ends_its_span_with_the_error_and_the_status_it_got()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContextWithToken("wrong-token");
        using var telemetry = new TelemetryCapture();

        var exception = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());

        var query = Assert.Single(telemetry.ProviderSpans);
        Assert.Equal(ActivityStatusCode.Error, query.Status);
        Assert.Equal(exception.Message, query.StatusDescription);
        AssertTags(query, ("error.type", "401"), ("db.response.status_code", "401"), ("digitalocean.requests", 1));
        Assert.Equal(1, telemetry.Sum(Requests, Server(cloud), ("http.response.status_code", 401)));
    }

    [Fact]
    public async Task Between_two_rows_the_application_span_is_current_not_the_provider_span()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(101, "web-01")]);
        using var db = cloud.CreateContext();
        using var telemetry = new TelemetryCapture();
        var before = Activity.Current;

        await foreach (var image in db.Images.AsAsyncEnumerable())
        {
            // Between two rows the application's own span is current, not the provider's.
            Assert.Same(before, Activity.Current);
            Assert.Equal(101, image.Id);
        }

        Assert.Same(before, Activity.Current);
        Assert.Single(telemetry.ProviderSpans);
    }

    /// <summary>
    ///     The tag that picks this test's fake out of the meters: requests a previous test left behind (an abandoned page) may
    ///     still be counted while this one runs.
    /// </summary>
    private static (string Key, object Value) Server(TestCloud cloud) => ("server.port", cloud.Fake.BaseAddress.Port);

    private static void AssertTags(Activity span, params (string Key, object Value)[] expected)
    {
        foreach (var (key, value) in expected)
        {
            Assert.True(span.GetTagItem(key) is not null, $"The span '{span.DisplayName}' has no tag {key}.");
            Assert.Equal(value, span.GetTagItem(key));
        }
    }

    private static void AssertTokenNowhere(TelemetryCapture telemetry, string token)
    {
        foreach (var span in telemetry.Spans)
        {
            foreach (var (key, value) in span.TagObjects)
            {
                SecretAssert.NotIn(Convert.ToString(value), token, $"the tag {key} of the span {span.DisplayName}");
            }
        }

        foreach (var instrument in new[] { Requests, Duration, Retries, RateLimitRemaining })
        {
            foreach (var point in telemetry.Collect(instrument))
            {
                foreach (var (key, value) in TelemetryCapture.Tags(point))
                {
                    SecretAssert.NotIn(Convert.ToString(value), token, $"the tag {key} of {instrument}");
                }
            }
        }
    }
}
