using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DigitalOcean.ValueGeneration.Internal;

/// <summary>
///     The API assigns ids, so a new image gets a temporary negative id until the create response gives the real one; two
///     new images are then distinct in the change tracker before they are saved.
/// </summary>
internal sealed class DigitalOceanValueGeneratorSelector(ValueGeneratorSelectorDependencies dependencies)
    : ValueGeneratorSelector(dependencies)
{
    private readonly TemporaryNumberValueGeneratorFactory _temporaryNumbers = new();

    protected override ValueGenerator? FindForType(IProperty property, ITypeBase typeBase, Type clrType)
        => property.ValueGenerated != ValueGenerated.Never && (clrType == typeof(long) || clrType == typeof(int))
            ? _temporaryNumbers.Create(property, typeBase)
            : base.FindForType(property, typeBase, clrType);
}
