using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DigitalOcean.Infrastructure.Internal;

/// <summary>
///     Checks the model against the resource table when it is built, so that a mapping the provider cannot serve fails at
///     start-up with a message that names it, not with a wrong request later: every entity type is a resource's entity, maps
///     every property the description names, is keyed as the API addresses its items, and has only properties the row reader
///     can read.
/// </summary>
internal sealed class DigitalOceanModelValidator(ModelValidatorDependencies dependencies, ApiResourceTable resources)
    : ModelValidator(dependencies)
{
    public override void Validate(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        base.Validate(model, logger);
        foreach (var entityType in model.GetEntityTypes())
        {
            var resource = resources.Get(entityType);
            foreach (var name in resource.NamedProperties)
            {
                if (entityType.FindProperty(name) is null)
                {
                    throw new InvalidOperationException(
                        DigitalOceanStrings.ModelPropertyMissing(entityType.DisplayName(), name, resource.CollectionPath));
                }
            }

            var key = entityType.FindPrimaryKey()!.Properties;
            if (key is not [var keyProperty] || keyProperty.Name != resource.KeyProperty)
            {
                throw new InvalidOperationException(
                    DigitalOceanStrings.ModelKeyMismatch(
                        entityType.DisplayName(), string.Join(", ", key.Select(p => p.Name)), resource.KeyProperty));
            }

            foreach (var property in entityType.GetProperties())
            {
                if (!ResourceRowReader.CanRead(property.ClrType))
                {
                    throw new InvalidOperationException(
                        DigitalOceanStrings.ModelPropertyUnreadable(entityType.DisplayName(), property.Name, property.ClrType.Name));
                }
            }
        }
    }
}
