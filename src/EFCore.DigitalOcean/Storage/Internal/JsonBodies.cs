using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>Reads small fixed bodies (an action, a tag, a transfer id) through the source-generated JSON context.</summary>
internal static class JsonBodies
{
    public static BodyReader<T> Reader<T>(JsonTypeInfo<T> typeInfo)
        where T : class
        => body => JsonSerializer.Deserialize(body, typeInfo) ?? throw new JsonException("the body is null");

    public static string Write<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);
}
