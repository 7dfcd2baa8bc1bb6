using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DigitalOcean.Metadata.Conventions;

/// <summary>EF's conventions, plus those the API's resources need.</summary>
internal sealed class DigitalOceanConventionSetBuilder(ProviderConventionSetBuilderDependencies dependencies)
    : ProviderConventionSetBuilder(dependencies)
{
    public override ConventionSet CreateConventionSet()
    {
        var conventionSet = base.CreateConventionSet();
        conventionSet.Add(new MaterializeThroughFieldsConvention());
        return conventionSet;
    }
}

/// <summary>
///     Materializes through backing fields and reads through properties. An image's lists are created lazily by their
///     getters, so a materialized image takes the list the provider read as is, while a new image still reads as empty lists
///     when it is saved.
/// </summary>
internal sealed class MaterializeThroughFieldsConvention : IModelInitializedConvention
{
    public void ProcessModelInitialized(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
        => modelBuilder.UsePropertyAccessMode(PropertyAccessMode.PreferFieldDuringConstruction);
}
