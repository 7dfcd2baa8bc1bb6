using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>The access token never appears in logs (at any level, even with sensitive data logging), messages or descriptions.</summary>
public class AccessTokenSecrecyTests
{
    [Fact]
    public async Task The_token_is_in_no_log_line_even_with_sensitive_data_logging()
    {
        var token = SecretAssert.NewToken();
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions { AccessToken = token, Seed = FakeCatalog.Realistic() });
        var factoryLog = new CapturedLog();
        using var loggerFactory = ListLoggerProvider.CreateFactory(factoryLog);
        await using var db = cloud.CreateContext(
            o => o.MaxRetries(0),
            b => b.EnableSensitiveDataLogging().EnableDetailedErrors().UseLoggerFactory(loggerFactory));
        var firstId = cloud.Fake.Images[0].Id;

        _ = await db.Images.ToListAsync();
        _ = await db.Images.Where(i => i.Id == firstId && i.Name != "secrecy-probe").ToListAsync();
        _ = await db.Images.FindAsync(404L);
        _ = await db.Images.Where(i => i.Tags.Contains("prod")).CountAsync();
        _ = await db.Images.Where(i => i.Name == "secrecy-probe").FirstOrDefaultAsync();
        cloud.Fake.InjectFault(new FakeFault { StatusCode = 500 });
        var failure = await Assert.ThrowsAsync<DigitalOceanApiException>(() => db.Images.Where(i => i.Slug == "debian-12-x64").ToListAsync());

        var entries = cloud.Log.Entries.Concat(factoryLog.Entries).ToList();
        Assert.Contains(entries, e => e.Level == LogLevel.Debug);
        Assert.Contains(entries, e => e.Level == LogLevel.Information);
        foreach (var entry in entries)
        {
            SecretAssert.NotIn(entry.Message, token, $"the log message of {entry.EventId.Name}");
        }

        SecretAssert.NotIn(failure.ToString(), token, "the exception");
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?per_page=200&page=1",
            $"GET /v2/images/{firstId}",
            "GET /v2/images/404",
            "GET /v2/images?tag_name=prod&per_page=1&page=1",
            "GET /v2/images?per_page=200&page=1",
            "GET /v2/images/debian-12-x64");
        Assert.All(cloud.Requests, r => Assert.True(r.HadValidToken));
    }

    [Fact]
    public void The_token_is_in_no_description_of_the_options()
    {
        var token = SecretAssert.NewToken();
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions { AccessToken = token });
        var options = cloud.Options(token);

        SecretAssert.NotIn(options.ToString(), token, "DbContextOptions.ToString()");
        foreach (var extension in options.Extensions)
        {
            var debugInfo = new Dictionary<string, string>();
            extension.Info.PopulateDebugInfo(debugInfo);
            SecretAssert.NotIn(extension.Info.LogFragment, token, $"the log fragment of {extension.GetType().Name}");
            SecretAssert.NotIn(string.Join(";", debugInfo), token, $"the debug info of {extension.GetType().Name}");
            SecretAssert.NotIn(extension.ToString(), token, $"{extension.GetType().Name}.ToString()");
        }

        Assert.Contains(options.Extensions, e => e.Info.IsDatabaseProvider && e.Info.LogFragment.Contains(cloud.Fake.BaseAddress.ToString()));
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void The_token_is_in_no_query_string()
    {
        var token = SecretAssert.NewToken();
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions { AccessToken = token });
        using var db = cloud.CreateContext(configure: b => b.EnableSensitiveDataLogging());
        var slug = "ubuntu-24-04-x64";

        var text = db.Images.Where(i => i.Slug == slug || i.Tags.Contains("prod")).ToQueryString();

        SecretAssert.NotIn(text, token, "ToQueryString()");
        Assert.StartsWith("GET /v2/images", text);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void A_rejected_token_is_in_neither_the_exception_nor_the_log()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        var wrongToken = SecretAssert.NewToken();
        using var db = cloud.CreateContextWithToken(wrongToken, configure: b => b.EnableSensitiveDataLogging());

        var error = Assert.Throws<DigitalOceanApiException>(() => db.Images.ToList());

        SecretAssert.NotIn(error.ToString(), wrongToken, "the exception");
        foreach (var entry in cloud.Log.Entries)
        {
            SecretAssert.NotIn(entry.Message, wrongToken, $"the log message of {entry.EventId.Name}");
        }

        Assert.False(Assert.Single(cloud.Requests).HadValidToken);
    }
}
