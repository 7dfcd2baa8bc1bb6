using System.Net;
using System.Net.Sockets;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EFCore.DigitalOcean.FunctionalTests.Diagnostics;

/// <summary>
///     <c>AddHealthChecks().AddDigitalOcean&lt;TContext&gt;()</c>: one request, tried once, and a status that says why;
///     EF Core's <c>AddDbContextCheck&lt;TContext&gt;()</c> beside it keeps working.
/// </summary>
public class HealthCheckTests
{
    private const string Check = "DigitalOcean";
    private const string DbContextCheck = nameof(CloudContext);
    private const string Probe = "GET /v2/images?per_page=1&page=1";

    [Fact]
    public async Task With_a_good_token_and_budget_it_is_healthy_and_says_how_much_budget_is_left()
    {
        using var cloud = StartCloud(remaining: null);

        var entry = await RunAsync(cloud.Fake.AccessToken, o => o.BaseAddress(cloud.Fake.BaseAddress));

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(4999, entry.Data["ratelimit-remaining"]);
        Assert.Equal(5000, entry.Data["ratelimit-limit"]);
        Assert.Equal(false, entry.Data["throttling"]);
        Assert.True(DateTimeOffset.Parse((string)entry.Data["ratelimit-reset"]) > DateTimeOffset.UtcNow);
        Assert.Contains("4999 requests are left", entry.Description);
        RequestAssert.Sent(cloud.Requests, Probe);
    }

    [Theory]
    [InlineData(400, 0.1, "low_budget", false)]   // below a tenth of 5000, above the spacing threshold of 250
    [InlineData(100, 0.0, "throttling", true)]    // spacing requests out is Degraded whatever the threshold
    public async Task A_low_budget_or_throttling_is_degraded(int remaining, double degradedBelow, string reason, bool throttling)
    {
        using var cloud = StartCloud(remaining);

        var entry = await RunAsync(cloud.Fake.AccessToken, o => o.BaseAddress(cloud.Fake.BaseAddress), degradedBelow);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal(reason, entry.Data["reason"]);
        Assert.Equal(throttling, entry.Data["throttling"]);
        Assert.Equal(remaining - 1, entry.Data["ratelimit-remaining"]);
        Assert.Contains($"Only {remaining - 1} ", entry.Description);
        RequestAssert.Sent(cloud.Requests, Probe);
    }

    [Fact]
    public async Task With_the_budget_used_up_it_is_degraded_after_one_request_and_no_retry()
    {
        using var cloud = StartCloud(remaining: 0);

        var entry = await RunAsync(cloud.Fake.AccessToken, o => o.BaseAddress(cloud.Fake.BaseAddress));

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("rate_limited", entry.Data["reason"]);
        Assert.Equal(429, Assert.Single(cloud.Requests).StatusCode);
    }

    [Fact]
    public async Task A_refused_token_is_unhealthy_as_unauthorized_and_the_DbContext_check_fails_too()
    {
        using var cloud = TestCloud.Start();
        var token = SecretAssert.NewToken();

        var report = await RunAllAsync(token, o => o.BaseAddress(cloud.Fake.BaseAddress));

        var entry = report.Entries[Check];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("unauthorized", entry.Data["reason"]);
        Assert.Contains("refused the access token", entry.Description);
        Assert.IsType<DigitalOceanApiException>(entry.Exception);
        SecretAssert.NotIn(entry.Description, token, "the health check's description");
        SecretAssert.NotIn(entry.Exception!.Message, token, "the health check's exception");
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[DbContextCheck].Status);
        Assert.All(cloud.Requests, r => Assert.Equal(401, r.StatusCode));
    }

    [Fact]
    public async Task The_failure_status_of_the_registration_is_used_for_a_failure()
    {
        using var cloud = TestCloud.Start();

        var entry = await RunAsync("wrong-token", o => o.BaseAddress(cloud.Fake.BaseAddress), failureStatus: HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("unauthorized", entry.Data["reason"]);
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_is_unhealthy_as_unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var entry = await RunAsync("some-token", o => o.BaseAddress(new Uri($"http://127.0.0.1:{closedPort}/")));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("unreachable", entry.Data["reason"]);
        Assert.StartsWith("The DigitalOcean API could not be reached", entry.Description);
    }

    [Fact]
    public async Task An_answer_slower_than_the_request_timeout_is_unhealthy_as_a_timeout()
    {
        using var cloud = TestCloud.Start();
        cloud.Fake.InjectFault(new FakeFault { Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(2), Times = int.MaxValue });

        var entry = await RunAsync(
            cloud.Fake.AccessToken, o => o.BaseAddress(cloud.Fake.BaseAddress).RequestTimeout(TimeSpan.FromMilliseconds(200)));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("timeout", entry.Data["reason"]);
        Assert.IsType<TimeoutException>(entry.Exception);
    }

    [Fact]
    public async Task The_DbContext_check_beside_it_keeps_working()
    {
        using var cloud = TestCloud.Start();

        var report = await RunAllAsync(cloud.Fake.AccessToken, o => o.BaseAddress(cloud.Fake.BaseAddress));

        Assert.Equal(HealthStatus.Healthy, report.Entries[Check].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries[DbContextCheck].Status);
        RequestAssert.Sent(cloud.Requests, Probe, Probe);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_0_to_1_is_refused(double degradedBelow)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ServiceCollection().AddHealthChecks().AddDigitalOcean<CloudContext>(degradedBelow: degradedBelow));

        Assert.Contains("between 0 and 1", exception.Message);
    }

    /// <summary>
    ///     A fake with a token of its own: the provider keeps one rate-limit state per token for the process, so a token
    ///     shared with tests running in parallel would mix their budgets with this one's.
    /// </summary>
    private static TestCloud StartCloud(int? remaining)
        => TestCloud.Start(new DigitalOceanFakeOptions { AccessToken = SecretAssert.NewToken(), RateLimitRemaining = remaining });

    private static async Task<HealthReportEntry> RunAsync(
        string token,
        Action<DigitalOceanDbContextOptionsBuilder> provider,
        double degradedBelow = 0.1,
        HealthStatus? failureStatus = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDigitalOcean<CloudContext>(token, provider);
        services.AddHealthChecks().AddDigitalOcean<CloudContext>(failureStatus: failureStatus, degradedBelow: degradedBelow);
        await using var serviceProvider = services.BuildServiceProvider();
        var report = await serviceProvider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return Assert.Single(report.Entries).Value;
    }

    private static async Task<HealthReport> RunAllAsync(string token, Action<DigitalOceanDbContextOptionsBuilder> provider)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDigitalOcean<CloudContext>(token, provider);
        services.AddHealthChecks().AddDigitalOcean<CloudContext>().AddDbContextCheck<CloudContext>();
        await using var serviceProvider = services.BuildServiceProvider();
        return await serviceProvider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }
}
