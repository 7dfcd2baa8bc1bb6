using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EFCore.DigitalOcean.Metadata.Conventions.Internal;

/// <summary>
///     Makes the property the API addresses items by the entity type's key (a region's slug, which EF's own key discovery would
///     not find), so that a resource's key is decided by its description alone.
/// </summary>
internal sealed class ResourceKeyConvention(ApiResourceTable resources) : IEntityTypeAddedConvention
{
    public void ProcessEntityTypeAdded(
        IConventionEntityTypeBuilder entityTypeBuilder, IConventionContext<IConventionEntityTypeBuilder> context)
    {
        if (resources.Find(entityTypeBuilder.Metadata.ClrType) is { } resource)
        {
            entityTypeBuilder.PrimaryKey([resource.KeyProperty]);
        }
    }
}
