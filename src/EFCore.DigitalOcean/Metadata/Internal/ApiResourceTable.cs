using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>
///     The resource descriptions a context can map, as a singleton service: <see cref="ApiResources.All" /> unless an
///     application's internal service provider registers another table first (which is how a test maps a resource of its own).
/// </summary>
internal sealed class ApiResourceTable(IReadOnlyList<ApiResource> resources)
{
    public ApiResourceTable()
        : this(ApiResources.All)
    {
    }

    public IReadOnlyList<ApiResource> Resources { get; } = resources;

    public ApiResource? Find(Type clrType)
    {
        foreach (var resource in Resources)
        {
            if (resource.ClrType == clrType)
            {
                return resource;
            }
        }

        return null;
    }

    /// <summary>The description of an entity type of the model; the model validator has made sure that there is one.</summary>
    public ApiResource Get(IReadOnlyEntityType entityType)
        => Find(entityType.ClrType)
            ?? throw new InvalidOperationException(
                DigitalOceanStrings.UnmappedEntityType(entityType.DisplayName(), Resources.Select(r => r.ClrType.Name)));
}
