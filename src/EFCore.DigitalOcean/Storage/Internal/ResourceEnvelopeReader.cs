using System.Text;
using System.Text.Json;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Reads the envelopes a resource comes in: <c>{"images":[...],"links":{...},"meta":{"total":N}}</c> for a page and
///     <c>{"image":{...}}</c> for one item, from a whole body in memory, in one forward pass. Page links are ignored on purpose:
///     the provider numbers pages itself, so it never follows a URL the response names (which could point at another host).
/// </summary>
internal sealed class ResourceEnvelopeReader(ResourceRowReader rowReader, string collectionKey, string itemKey)
{
    private static readonly byte[] Meta = "meta"u8.ToArray();
    private static readonly byte[] Total = "total"u8.ToArray();

    private readonly byte[] _collectionKey = Encoding.UTF8.GetBytes(collectionKey);
    private readonly byte[] _itemKey = Encoding.UTF8.GetBytes(itemKey);

    /// <summary>Reads a page into <paramref name="reuse" /> when given (a page whose rows are all consumed), else into a new one.</summary>
    public ResourcePage ReadPage(ReadOnlySpan<byte> body, int expectedRows, RowPage? reuse = null)
    {
        var reader = StartObject(body);
        RowPage? rows = null;
        long? total = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(_collectionKey))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new JsonException($"'{collectionKey}' is {reader.TokenType}, not an array");
                }

                rows = reuse?.Clear() ?? rowReader.NewPage(expectedRows);
                var repeated = RepeatedStrings.ForPage();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    rowReader.ReadRow(ref reader, rows, repeated);
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
            rows ?? throw new JsonException($"the body has no '{collectionKey}' array"),
            total ?? throw new JsonException("the body has no 'meta.total'"));
    }

    public ResourceItem ReadItem(ReadOnlySpan<byte> body)
    {
        var reader = StartObject(body);
        ResourceRow? row = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItem = reader.ValueTextEquals(_itemKey);
            reader.Read();
            if (isItem)
            {
                var page = rowReader.NewPage(1);
                rowReader.ReadRow(ref reader, page, repeated: null);
                row = page[0];
            }
            else
            {
                reader.Skip();
            }
        }

        return new ResourceItem(row ?? throw new JsonException($"the body has no '{itemKey}' object"));
    }

    private static Utf8JsonReader StartObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"the body is {reader.TokenType}, not a JSON object");
        }

        return reader;
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
                // A count is a whole number from 0; anything else is a lie, never a count of 0.
                total = reader.TryGetInt64(out var count) && count >= 0
                    ? count
                    : throw new JsonException($"'meta.total' is {Encoding.UTF8.GetString(reader.ValueSpan)}, not a count of items");
            }
            else
            {
                reader.Skip();
            }
        }

        return total;
    }
}
