using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     The token goes in the <c>Authorization: Bearer</c> header and nowhere else: not in a URL or body, a log line at any level,
///     an exception, a query string, the options' descriptions or the change tracker's debug view. Every fake here has a
///     token of its own that looks like a real one, so any occurrence of it is a leak.
/// </summary>
public class TokenSecrecyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_token_is_sent_only_as_a_bearer_header_and_is_in_no_log_line_at_any_level(bool sensitiveDataLogging)
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(5, firstId: 1));
        var token = cloud.Fake.AccessToken;
        var factoryLog = new CapturedLog();
        using var loggerFactory = ListLoggerProvider.CreateFactory(factoryLog);
        using (var db = cloud.CreateFastContext(
                   o => o.PageSize(2).MaxRetries(0),
                   b => b.UseLoggerFactory(loggerFactory).EnableSensitiveDataLogging(sensitiveDataLogging)))
        {
            await RunEveryKindOfRequestAsync(db, cloud.Fake);
        }

        Assert.Equal(8, cloud.Requests.Count);
        Assert.All(cloud.Requests, r => Assert.True(r.HadValidToken, $"{r.Method} {r.Path} did not carry the token as a bearer."));
        foreach (var request in cloud.Requests)
        {
            SecretAssert.NotIn(request.Path + request.QueryString + request.Body, token, $"the request {request.Method} {request.Path}");
        }

        // Both sinks saw the requests (with their bodies when sensitive data logging is on), and none saw the token.
        foreach (var log in new[] { cloud.Log, factoryLog })
        {
            Assert.Equal(8, log.Entries.Count(e => e.Message.Contains("HTTP request")));
            Assert.Equal(sensitiveDataLogging, log.Entries.Any(e => e.Message.Contains("\"url\":\"https://example.com/new.img\"")));
            Assert.All(log.Entries, e => SecretAssert.NotIn(e.Message, token, $"the {e.Level} log event {e.EventId.Name}"));
        }
    }

    [Fact]
    public async Task A_rejected_token_is_in_no_exception_and_no_log_line()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(1, firstId: 1));
        var wrongToken = SecretAssert.NewToken();
        using var db = cloud.CreateContextWithToken(wrongToken, configure: b => b.EnableSensitiveDataLogging());

        var queryError = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.ToListAsync());
        db.Images.Add(new Image { Name = "new", Url = "https://example.com/new.img", Region = "nyc3" });
        var saveError = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(("unauthorized", 401), (queryError.ErrorId, (int)queryError.StatusCode));
        Assert.StartsWith("GET /v2/images?per_page=200&page=1 failed with 401 unauthorized", queryError.Message);
        SecretAssert.NotIn(queryError.ToString(), wrongToken, "the query's exception");
        SecretAssert.NotIn(saveError.ToString(), wrongToken, "the save's exception");
        Assert.All(cloud.Log.Entries, e => SecretAssert.NotIn(e.Message, wrongToken, $"the log event {e.EventId.Name}"));
        Assert.Equal([(false, 401), (false, 401)], cloud.Requests.Select(r => (r.HadValidToken, r.StatusCode)));
    }

    [Fact]
    public async Task The_token_is_in_no_description_of_the_query_the_options_or_the_context()
    {
        using var cloud = FaultyCloud.Start([Seeds.PrivateImage(1, "tracked")]);
        var token = cloud.Fake.AccessToken;
        using var db = cloud.CreateFastContext(configure: b => b.EnableSensitiveDataLogging());
        await db.Images.ToListAsync();
        db.Images.Add(new Image { Name = "pending", Url = "https://example.com/new.img", Region = "nyc3" });
        var options = db.GetService<IDbContextOptions>();
        var debugInfo = new Dictionary<string, string>();
        foreach (var extension in options.Extensions)
        {
            extension.Info.PopulateDebugInfo(debugInfo);
        }

        var descriptions = new Dictionary<string, string>
        {
            ["ToQueryString of a listing"] = db.Images.ToQueryString(),
            ["ToQueryString of a point read"] = db.Images.Where(i => i.Id == 1).ToQueryString(),
            ["ToQueryString of a tag filter"] = db.Images.Where(i => i.Tags.Contains("t")).ToQueryString(),
            ["DbContextOptions.ToString()"] = options.ToString()!,
            ["the LogFragments"] = string.Concat(options.Extensions.Select(e => e.Info.LogFragment)),
            ["the debug info"] = string.Join(";", debugInfo.Select(p => p.Key + "=" + p.Value)),
            ["the ContextId"] = db.ContextId.ToString(),
            ["the change tracker's long view"] = db.ChangeTracker.DebugView.LongView,
            ["the change tracker's short view"] = db.ChangeTracker.DebugView.ShortView,
        };

        Assert.Contains("BaseAddress=" + cloud.Fake.BaseAddress, descriptions["the LogFragments"]);
        Assert.Contains("https://example.com/new.img", descriptions["the change tracker's long view"]);
        foreach (var (where, text) in descriptions)
        {
            SecretAssert.NotIn(text, token, where);
        }
    }

    /// <summary>A three-page listing, a point read, a create, an update, a delete and a failed request: 8 requests.</summary>
    private static async Task RunEveryKindOfRequestAsync(CloudContext db, DigitalOceanFake fake)
    {
        var images = await db.Images.ToListAsync();
        var first = await db.Images.SingleAsync(i => i.Id == 1);
        first.Name = "renamed";
        db.Images.Remove(images.Single(i => i.Id == 2));
        db.Images.Add(new Image { Name = "new", Url = "https://example.com/new.img", Region = "nyc3", Tags = ["t"] });
        await db.SaveChangesAsync();

        fake.InjectFault(new FakeFault { Method = "GET", StatusCode = 500 });
        await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.SingleOrDefaultAsync(i => i.Id == 3));
    }
}

/// <summary>The token read from the environment is treated like one given in code. Changes environment variables, so runs alone.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class TokenFromEnvironmentTests
{
    [Fact]
    public async Task A_token_from_DIGITALOCEAN_TOKEN_is_sent_as_a_bearer_and_is_in_no_log_line()
    {
        using var cloud = FaultyCloud.Start(FakeCatalog.PrivateImages(3, firstId: 1));
        using var variables = new EnvironmentVariables()
            .Set("DIGITALOCEAN_TOKEN", cloud.Fake.AccessToken)
            .Set("DIGITALOCEAN_ACCESS_TOKEN", null);
        using var db = cloud.CreateContextWithToken(null, configure: b => b.EnableSensitiveDataLogging());

        Assert.Equal(3, (await db.Images.ToListAsync()).Count);

        Assert.True(Assert.Single(cloud.Requests).HadValidToken);
        Assert.All(cloud.Log.Entries, e => SecretAssert.NotIn(e.Message, cloud.Fake.AccessToken, $"the log event {e.EventId.Name}"));
    }

    [Fact]
    public async Task Without_a_token_or_token_variable_the_first_query_fails_before_sending_anything()
    {
        using var variables = new EnvironmentVariables().Set("DIGITALOCEAN_TOKEN", null).Set("DIGITALOCEAN_ACCESS_TOKEN", null);
        using var cloud = FaultyCloud.Start();
        using var db = cloud.CreateContextWithToken(null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Images.ToListAsync());

        Assert.StartsWith("No DigitalOcean access token", error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }
}
