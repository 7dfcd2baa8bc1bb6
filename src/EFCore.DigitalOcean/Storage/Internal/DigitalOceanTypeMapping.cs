using System.ComponentModel;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>A CLR type as the API's JSON carries it; values are read and written by <see cref="ResourceRowReader" />.</summary>
/// <remarks>
///     Public, with a <see cref="Default" />, only because a compiled model (<c>dotnet ef dbcontext optimize</c>) is generated
///     into the application's assembly and builds each property's mapping as <c>DigitalOceanTypeMapping.Default.Clone(…)</c>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DigitalOceanTypeMapping : CoreTypeMapping
{
    /// <summary>The mapping a compiled model clones for each property.</summary>
    public static DigitalOceanTypeMapping Default { get; } = new(typeof(string));

    /// <summary>A mapping of <paramref name="clrType" />.</summary>
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

    /// <inheritdoc />
    public override CoreTypeMapping WithComposedConverter(
        ValueConverter? converter,
        ValueComparer? comparer = null,
        ValueComparer? keyComparer = null,
        CoreTypeMapping? elementMapping = null,
        JsonValueReaderWriter? jsonValueReaderWriter = null)
        => new DigitalOceanTypeMapping(
            Parameters.WithComposedConverter(converter, comparer, keyComparer, elementMapping, jsonValueReaderWriter));

    /// <inheritdoc />
    protected override CoreTypeMapping Clone(CoreTypeMappingParameters parameters) => new DigitalOceanTypeMapping(parameters);
}
