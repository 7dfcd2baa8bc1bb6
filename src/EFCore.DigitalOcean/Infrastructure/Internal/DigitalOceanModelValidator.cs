using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DigitalOcean.Infrastructure.Internal;

/// <summary>Rejects, when the model is built, any entity type that is not an API resource this provider maps.</summary>
internal sealed class DigitalOceanModelValidator(ModelValidatorDependencies dependencies) : ModelValidator(dependencies)
{
    public override void Validate(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        base.Validate(model, logger);
        foreach (var entityType in model.GetEntityTypes())
        {
            ApiResources.Get(entityType);
        }
    }
}
