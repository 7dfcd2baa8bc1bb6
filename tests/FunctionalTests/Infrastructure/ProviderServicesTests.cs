using EFCore.DigitalOcean;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Infrastructure.Internal;
using EFCore.DigitalOcean.Query.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Testing;
using EFCore.DigitalOcean.ValueGeneration.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.ValueGeneration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionalTests.Infrastructure;

/// <summary>The provider plugs into EF Core as a provider of its own, and into the application's IHttpClientFactory.</summary>
public sealed class ProviderServicesTests : IDisposable
{
    private readonly DigitalOceanFake _fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = FakeCatalog.Realistic() });

    public void Dispose() => _fake.Dispose();

    private sealed class ImagesContext(DbContextOptions<ImagesContext> options) : DbContext(options)
    {
        public DbSet<Image> Images => Set<Image>();
    }

    private sealed class OtherEntity
    {
        public int Id { get; set; }
    }

    private sealed class WrongContext(DbContextOptions<WrongContext> options) : DbContext(options)
    {
        public DbSet<OtherEntity> Others => Set<OtherEntity>();
    }

    [Fact]
    public void Registers_its_own_implementation_of_every_service_core_has_no_default_for()
    {
        using var db = new ImagesContext(Options<ImagesContext>());

        Assert.IsType<DigitalOceanLoggingDefinitions>(db.GetService<LoggingDefinitions>());
        Assert.IsType<DatabaseProvider<DigitalOceanOptionsExtension>>(db.GetService<IDatabaseProvider>());
        Assert.IsType<DigitalOceanTypeMappingSource>(db.GetService<ITypeMappingSource>());
        Assert.IsType<DigitalOceanDatabase>(db.GetService<IDatabase>());
        Assert.IsType<DigitalOceanDatabaseCreator>(db.GetService<IDatabaseCreator>());
        Assert.IsType<DigitalOceanTransactionManager>(db.GetService<IDbContextTransactionManager>());
        Assert.IsType<DigitalOceanQueryContextFactory>(db.GetService<IQueryContextFactory>());
        Assert.IsType<DigitalOceanQueryableMethodTranslatingExpressionVisitorFactory>(
            db.GetService<IQueryableMethodTranslatingExpressionVisitorFactory>());
        Assert.IsType<DigitalOceanShapedQueryCompilingExpressionVisitorFactory>(
            db.GetService<IShapedQueryCompilingExpressionVisitorFactory>());
        Assert.IsType<DigitalOceanValueGeneratorSelector>(db.GetService<IValueGeneratorSelector>());
        Assert.True(db.Database.IsDigitalOcean());
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public void Contexts_share_one_internal_service_provider_and_so_one_connection_pool()
    {
        using var first = new ImagesContext(Options<ImagesContext>());
        using var second = new ImagesContext(Options<ImagesContext>("another-token"));

        var pipeline = first.GetService<DigitalOceanHttpPipeline>();
        Assert.Same(pipeline, second.GetService<DigitalOceanHttpPipeline>());
        var (firstClient, firstOwned) = pipeline.CreateClient(first.GetService<IDbContextOptions>());
        var (secondClient, secondOwned) = pipeline.CreateClient(second.GetService<IDbContextOptions>());
        Assert.Same(firstClient, secondClient);
        Assert.False(firstOwned || secondOwned);
    }

    [Fact]
    public async Task Requests_go_through_handlers_the_application_adds_to_the_named_http_client()
    {
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddHttpClient(DigitalOceanDbContextOptionsBuilder.HttpClientName).AddHttpMessageHandler(() => counter);
        services.AddDbContext<ImagesContext>(o => o.UseDigitalOcean(_fake.AccessToken, d => d.BaseAddress(_fake.BaseAddress)));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImagesContext>();

        var count = await db.Images.Distributions().CountAsync();

        Assert.Equal(_fake.Images.Count(i => i.Category == ImageCategory.Distribution), count);
        Assert.Equal(1, counter.Requests);
        var request = Assert.Single(_fake.Requests);
        Assert.Equal("?type=distribution&per_page=1&page=1", request.QueryString);
    }

    [Fact]
    public void A_model_with_an_entity_type_the_api_does_not_have_is_rejected_with_its_name()
    {
        var options = new DbContextOptionsBuilder<WrongContext>()
            .UseDigitalOcean(_fake.AccessToken, o => o.BaseAddress(_fake.BaseAddress)).Options;
        using var db = new WrongContext(options);

        var error = Assert.Throws<InvalidOperationException>(() => db.Model);

        Assert.Contains(nameof(OtherEntity), error.Message);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task CanConnect_makes_one_authenticated_request_and_says_false_for_a_bad_token()
    {
        await using var good = new ImagesContext(Options<ImagesContext>());
        await using var bad = new ImagesContext(Options<ImagesContext>("not-the-token"));

        Assert.True(await good.Database.CanConnectAsync());
        Assert.False(await bad.Database.CanConnectAsync());

        Assert.Equal(2, _fake.Requests.Count);
        Assert.All(_fake.Requests, r => Assert.Equal("/v2/images", r.Path));
        Assert.Equal([200, 401], _fake.Requests.Select(r => r.StatusCode).Order());
    }

    private DbContextOptions<TContext> Options<TContext>(string? token = null)
        where TContext : DbContext
        => new DbContextOptionsBuilder<TContext>()
            .UseDigitalOcean(token ?? _fake.AccessToken, o => o.BaseAddress(_fake.BaseAddress).MaxRetries(0))
            .Options;

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
