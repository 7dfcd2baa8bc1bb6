using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DigitalOcean.Metadata.Conventions.Internal;

/// <summary>EF's conventions, plus the one that takes each entity type's key from its resource description.</summary>
internal sealed class DigitalOceanConventionSetBuilder(ProviderConventionSetBuilderDependencies dependencies, ApiResourceTable resources)
    : ProviderConventionSetBuilder(dependencies)
{
    public override ConventionSet CreateConventionSet()
    {
        var conventionSet = base.CreateConventionSet();
        conventionSet.EntityTypeAddedConventions.Add(new ResourceKeyConvention(resources));
        return conventionSet;
    }
}
