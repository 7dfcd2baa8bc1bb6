using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Maps the scalar types of the API's JSON, and lists of them (tags, regions) as primitive collections held as lists, with
///     no conversion to a JSON string in between.
/// </summary>
internal sealed class DigitalOceanTypeMappingSource(TypeMappingSourceDependencies dependencies) : TypeMappingSource(dependencies)
{
    protected override CoreTypeMapping? FindMapping(in TypeMappingInfo mappingInfo)
    {
        var clrType = mappingInfo.ClrType!;
        if (clrType.IsValueType || clrType == typeof(string))
        {
            return new DigitalOceanTypeMapping(clrType, jsonValueReaderWriter: Dependencies.JsonValueReaderWriterSource.FindReaderWriter(clrType));
        }

        var elementMapping = mappingInfo.ElementTypeMapping;
        return TryFindJsonCollectionMapping(
                mappingInfo, clrType, providerClrType: null, ref elementMapping, out var comparer, out var collectionReaderWriter)
            && elementMapping is not null
                ? new DigitalOceanTypeMapping(
                    clrType, clrType == typeof(IReadOnlyList<string>) ? new StringListComparer() : comparer, elementMapping, collectionReaderWriter)
                : null;
    }
}
