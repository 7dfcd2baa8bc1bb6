using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Metadata;

/// <summary>The model is checked against the resource table when it is built: a mapping the provider cannot serve fails there.</summary>
public class ModelValidationTests
{
    private sealed class CustomContext(DbContextOptions options, Action<ModelBuilder> configure) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => configure(modelBuilder);
    }

    public class Droplet
    {
        public long Id { get; set; }
    }

    private static InvalidOperationException ModelError(TestCloud cloud, Action<ModelBuilder> configure)
    {
        var options = new DbContextOptionsBuilder()
            .UseDigitalOcean(cloud.Fake.AccessToken, o => o.BaseAddress(cloud.Fake.BaseAddress))
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PerInstanceModelCacheKeyFactory>()
            .Options;
        using var db = new CustomContext(options, configure);
        return Assert.Throws<InvalidOperationException>(() => db.Model);
    }

    [Fact]
    public void Ignoring_a_property_the_resource_needs_names_it()
    {
        using var cloud = TestCloud.Start();

        var error = ModelError(cloud, b => b.Entity<Image>().Ignore(i => i.Description));

        Assert.Equal(
            "The entity type 'Image' does not map the property 'Description', which the DigitalOcean provider needs for the "
            + "/v2/images resource. Do not ignore it or remove it from the model.",
            error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void An_entity_type_that_is_no_resource_names_the_ones_there_are()
    {
        using var cloud = TestCloud.Start();

        var error = ModelError(cloud, b => b.Entity<Droplet>());

        Assert.Contains("Droplet", error.Message);
        Assert.StartsWith("The DigitalOcean provider cannot map the entity type", error.Message);
        Assert.Contains("Image, Snapshot, Region", error.Message);
    }

    [Fact]
    public void A_property_of_a_type_the_API_cannot_carry_is_named()
    {
        using var cloud = TestCloud.Start();

        var error = ModelError(cloud, b => b.Entity<Region>().Property<Guid>("Tracking"));

        Assert.StartsWith("The property 'Region.Tracking' of type 'Guid' cannot be read from the DigitalOcean API.", error.Message);
    }

    [Fact]
    public void A_region_is_keyed_by_its_slug()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        Assert.Equal(nameof(Region.Slug), db.Model.FindEntityType(typeof(Region))!.FindPrimaryKey()!.Properties.Single().Name);
        Assert.Equal(nameof(Snapshot.Id), db.Model.FindEntityType(typeof(Snapshot))!.FindPrimaryKey()!.Properties.Single().Name);
        Assert.Equal(typeof(string), db.Model.FindEntityType(typeof(Snapshot))!.FindPrimaryKey()!.Properties.Single().ClrType);
    }
}
