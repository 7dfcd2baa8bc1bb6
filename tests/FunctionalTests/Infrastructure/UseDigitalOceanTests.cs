using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DigitalOcean.FunctionalTests.Infrastructure;

/// <summary>The ways to configure the provider a new user reaches for first.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class UseDigitalOceanTests
{
    [Fact]
    public async Task Options_alone_configure_the_provider_with_the_token_from_the_environment()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(101, "web-01")]);
        using var environment = new EnvironmentVariables()
            .Set(DigitalOceanStrings.TokenVariable, cloud.Fake.AccessToken)
            .Set(DigitalOceanStrings.AccessTokenVariable, null);
        var options = new DbContextOptionsBuilder<CloudContext>()
            .UseDigitalOcean(o => o.BaseAddress(cloud.Fake.BaseAddress).PageSize(50))
            .Options;
        using var db = new CloudContext(options);

        var images = await db.Images.ToListAsync();

        Assert.Equal(101, Assert.Single(images).Id);
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=50&page=1");
        Assert.True(Assert.Single(cloud.Requests).HadValidToken);
    }

    [Fact]
    public async Task A_later_call_without_a_token_configures_further_and_keeps_the_token()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(101, "web-01")]);
        using var environment = new EnvironmentVariables()
            .Set(DigitalOceanStrings.TokenVariable, null)
            .Set(DigitalOceanStrings.AccessTokenVariable, null);
        var options = new DbContextOptionsBuilder<CloudContext>()
            .UseDigitalOcean(cloud.Fake.AccessToken)
            .UseDigitalOcean(null, o => o.BaseAddress(cloud.Fake.BaseAddress))
            .UseDigitalOcean(o => o.PageSize(10))
            .Options;
        using var db = new CloudContext(options);

        await db.Images.ToListAsync();

        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=10&page=1");
        Assert.True(Assert.Single(cloud.Requests).HadValidToken);
    }

    [Fact]
    public async Task AddDigitalOcean_registers_the_context_with_its_token_and_options()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(101, "web-01")]);
        var log = new CapturedLog();
        var services = new ServiceCollection()
            .AddDigitalOcean<CloudContext>(
                cloud.Fake.AccessToken,
                o => o.BaseAddress(cloud.Fake.BaseAddress).PageSize(20),
                o => o.LogTo(static (_, _) => true, log.Add));
        await using var serviceProvider = services.BuildServiceProvider();
        await using var scope = serviceProvider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CloudContext>();

        var image = await db.Images.SingleAsync(i => i.Id == 101);

        Assert.Equal("web-01", image.Name);
        Assert.True(Assert.Single(cloud.Requests).HadValidToken);
        Assert.NotEmpty(log.Of(EFCore.DigitalOcean.Diagnostics.DigitalOceanEventId.RequestExecuted));
        await db.Images.ToListAsync();
        Assert.Contains(cloud.Requests, r => r.Query.GetValueOrDefault("per_page") == "20");
    }
}
