using EFCore.DigitalOcean.FunctionalTests.CompiledModels;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DigitalOcean.FunctionalTests.CompiledModel;

/// <summary>
///     The query and write suites compiled into this project run on the compiled model in CompiledModels/; these tests check
///     that they do, that the model is not stale, and that nothing in the provider builds the model again from the classes.
/// </summary>
public class CompiledModelTests
{
    [Fact]
    public void Every_context_of_the_suites_runs_on_the_compiled_model()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        Assert.Same(CloudContextModel.Instance, db.Model);
    }

    [Fact]
    public void The_compiled_model_matches_the_model_built_from_the_entity_classes()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();
        // The design-time model of a context on a compiled model is built from the classes and conventions, as without one.
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.True(
            Describe(built) == Describe(db.Model),
            "CompiledModels/ no longer matches the entity classes: regenerate it with build/compiled-models.sh.");
    }

    [Fact]
    public void Properties_carry_the_provider_type_mappings()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();
        var properties = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).ToList();
        var lists = properties.Where(p => p.GetTypeMapping().ElementTypeMapping is not null).ToList();

        Assert.All(properties, p => Assert.IsType<DigitalOceanTypeMapping>(p.GetTypeMapping()));
        Assert.Contains(lists, p => p.Name == nameof(Image.Tags));
        Assert.All(lists, p => Assert.IsType<DigitalOceanTypeMapping>(p.GetTypeMapping().ElementTypeMapping));
    }

    [Fact]
    public async Task A_list_the_provider_read_is_its_own_snapshot_and_an_assigned_list_is_copied()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(7, "web", "prod")]);
        using var db = cloud.CreateContext();
        var image = await db.Images.SingleAsync(i => i.Id == 7);

        Assert.Same(image.Tags, db.Entry(image).Property(i => i.Tags).OriginalValue);

        var assigned = new List<string> { "prod", "web" };
        image.Tags = assigned;
        db.ChangeTracker.DetectChanges();
        var snapshot = db.Entry(image).Property(i => i.Tags).OriginalValue;
        assigned.Add("changed");

        Assert.True(db.Entry(image).Property(i => i.Tags).IsModified);
        Assert.Equal(["prod"], snapshot);
    }

    [Fact]
    public async Task Queries_writes_and_CanConnect_never_build_the_model_from_the_classes()
    {
        using var cloud = TestCloud.Start([Seeds.PrivateImage(7, "web", "prod"), Seeds.PrivateImage(8, "db")]);
        var options = new DbContextOptionsBuilder<CloudContext>()
            .UseDigitalOcean(cloud.Fake.AccessToken, o => o.BaseAddress(cloud.Fake.BaseAddress).MaxRetries(0))
            .UseModel(CloudContextModel.Instance)
            .Options;
        await using var db = new ModelBuildingRefusedContext(options);

        Assert.True(await db.Database.CanConnectAsync());
        var web = await db.Images.SingleAsync(i => i.Id == 7);
        web.Name = "web-2";
        await db.SaveChangesAsync();
        var deleted = await db.Images.PrivateOnly().Where(i => i.Name == "db").ExecuteDeleteAsync();

        Assert.Equal(1, deleted);
        Assert.Equal(["web-2"], cloud.Fake.Images.Select(i => i.Name));
        RequestAssert.Sent(
            cloud.Requests,
            "GET /v2/images?per_page=1&page=1",
            "GET /v2/images/7",
            "PUT /v2/images/7",
            "GET /v2/images?private=true&per_page=200&page=1",
            "DELETE /v2/images/8");
    }

    private static string Describe(IModel model)
        => string.Join(
            Environment.NewLine,
            model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(e => e.GetProperties().Select(p =>
                $"{e.Name}.{p.Name}: {p.ClrType} nullable={p.IsNullable} key={p.IsPrimaryKey()} generated={p.ValueGenerated}")));

    /// <summary>A context that fails if EF ever builds its model from the classes instead of taking the compiled one.</summary>
    private sealed class ModelBuildingRefusedContext(DbContextOptions<CloudContext> options) : CloudContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => throw new InvalidOperationException("The model was built from the classes although a compiled model is in use.");
    }
}
