using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>One page of a list response: its rows and <c>meta.total</c>.</summary>
internal sealed class ResourcePage(List<ValueBuffer> rows, long total)
{
    public List<ValueBuffer> Rows { get; } = rows;
    public long Total { get; } = total;
}

/// <summary>The single item of a get, create or update response.</summary>
internal sealed record ResourceItem(ValueBuffer Row);

/// <summary>
///     Reads <c>{"images":[...],"links":{...},"meta":{"total":N}}</c>. Page links are ignored on purpose: the provider numbers
///     pages itself, so it never follows a URL the response names (which could point at another host).
/// </summary>
internal sealed class ResourcePageConverter(ResourceRowReader rowReader, byte[] collectionKey, string collectionName)
    : JsonConverter<ResourcePage>
{
    private static readonly byte[] Meta = "meta"u8.ToArray();
    private static readonly byte[] Total = "total"u8.ToArray();

    public override ResourcePage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ExpectObject(ref reader);
        List<ValueBuffer>? rows = null;
        long? total = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(collectionKey))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new JsonException($"'{collectionName}' is {reader.TokenType}, not an array");
                }

                rows = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    rows.Add(rowReader.ReadRow(ref reader));
                }
            }
            else if (reader.ValueTextEquals(Meta))
            {
                reader.Read();
                total = ReadTotal(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ResourcePage(
            rows ?? throw new JsonException($"the body has no '{collectionName}' array"),
            total ?? throw new JsonException("the body has no 'meta.total'"));
    }

    private static long? ReadTotal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        long? total = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTotal = reader.ValueTextEquals(Total);
            reader.Read();
            if (isTotal && reader.TokenType == JsonTokenType.Number)
            {
                total = reader.GetInt64();
            }
            else
            {
                reader.Skip();
            }
        }

        return total;
    }

    internal static void ExpectObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"the body is {reader.TokenType}, not a JSON object");
        }
    }

    public override void Write(Utf8JsonWriter writer, ResourcePage value, JsonSerializerOptions options)
        => throw new NotSupportedException();
}

/// <summary>Reads <c>{"image":{...}}</c>.</summary>
internal sealed class ResourceItemConverter(ResourceRowReader rowReader, byte[] itemKey, string itemName) : JsonConverter<ResourceItem>
{
    public override ResourceItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ResourcePageConverter.ExpectObject(ref reader);
        ValueBuffer? row = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItem = reader.ValueTextEquals(itemKey);
            reader.Read();
            if (isItem)
            {
                row = rowReader.ReadRow(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new ResourceItem(row ?? throw new JsonException($"the body has no '{itemName}' object"));
    }

    public override void Write(Utf8JsonWriter writer, ResourceItem value, JsonSerializerOptions options)
        => throw new NotSupportedException();
}
