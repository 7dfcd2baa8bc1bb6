using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>A CLR type as the API's JSON carries it; values are read and written by <see cref="ResourceRowReader" />.</summary>
internal sealed class DigitalOceanTypeMapping : CoreTypeMapping
{
    public DigitalOceanTypeMapping(
        Type clrType,
        ValueComparer? comparer = null,
        CoreTypeMapping? elementMapping = null,
        JsonValueReaderWriter? jsonValueReaderWriter = null)
        : base(new CoreTypeMappingParameters(
            clrType, converter: null, comparer, keyComparer: null, elementMapping: elementMapping, jsonValueReaderWriter: jsonValueReaderWriter))
    {
    }

    private DigitalOceanTypeMapping(CoreTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    public override CoreTypeMapping WithComposedConverter(
        ValueConverter? converter,
        ValueComparer? comparer = null,
        ValueComparer? keyComparer = null,
        CoreTypeMapping? elementMapping = null,
        JsonValueReaderWriter? jsonValueReaderWriter = null)
        => new DigitalOceanTypeMapping(
            Parameters.WithComposedConverter(converter, comparer, keyComparer, elementMapping, jsonValueReaderWriter));

    protected override CoreTypeMapping Clone(CoreTypeMappingParameters parameters) => new DigitalOceanTypeMapping(parameters);
}
