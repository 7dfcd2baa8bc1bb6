using System.Text;
using System.Text.Json;
using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Reads one JSON object of a resource straight into a <see cref="ValueBuffer" /> laid out in EF's property order, which is
///     what EF's materializer reads. No intermediate object per item and no reflection: each slot knows its JSON name (as UTF-8)
///     and how to read its type. Unknown fields are skipped, so a field the API adds later never breaks reading.
/// </summary>
internal sealed class ResourceRowReader
{
    // Values that repeat across items are boxed once, not once per item.
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallInts = [.. Enumerable.Range(0, 256).Select(i => (object)i)];

    private readonly Slot[] _slots;
    private readonly int _width;
    private readonly (int Index, object Value)[] _valueTypeDefaults;

    private ResourceRowReader(IEntityType entityType)
    {
        var resource = ApiResources.Get(entityType);
        var properties = entityType.GetProperties().ToArray();
        _width = properties.Length;
        _slots = properties
            .Where(p => !resource.WriteOnly.Contains(p.Name))
            .Select(p => new Slot(Encoding.UTF8.GetBytes(ApiResource.JsonName(p.Name)), p.GetIndex(), KindOf(p)))
            .ToArray();

        // Absent or null fields still give the materializer a value it can unbox.
        _valueTypeDefaults = properties
            .Where(p => p.ClrType.IsValueType && Nullable.GetUnderlyingType(p.ClrType) is null)
            .Select(p => (p.GetIndex(), Activator.CreateInstance(p.ClrType)!))
            .ToArray();

        KeySlot = entityType.FindPrimaryKey()!.Properties.Single().GetIndex();
        Envelopes = new ResourceEnvelopeReader(this, resource.CollectionKey, resource.ItemKey);
    }

    public static ResourceRowReader For(IEntityType entityType)
        => entityType.GetOrAddRuntimeAnnotationValue("DigitalOcean:RowReader", static e => new ResourceRowReader(e!), entityType);

    /// <summary>The slot of the integer key, used to drop an item that moved between pages while listing.</summary>
    public int KeySlot { get; }

    /// <summary>Reads the page and item envelopes this resource's rows come in.</summary>
    public ResourceEnvelopeReader Envelopes { get; }

    public ValueBuffer ReadRow(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"expected an object, found {reader.TokenType}");
        }

        var values = new object?[_width];
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The API writes fields in a stable order, so the slot after the last match is almost always the right one.
            var slot = FindSlot(ref reader, next);
            reader.Read();
            if (slot < 0)
            {
                reader.Skip();
                continue;
            }

            var field = _slots[slot];
            try
            {
                var value = ReadValue(ref reader, field.Kind);
                if (value is not null)
                {
                    values[field.Index] = value;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException)
            {
                throw new JsonException(
                    $"the field '{Encoding.UTF8.GetString(field.JsonName)}' is {reader.TokenType}, not {field.Kind}", exception);
            }

            next = slot + 1;
        }

        foreach (var (index, value) in _valueTypeDefaults)
        {
            values[index] ??= value;
        }

        return new ValueBuffer(values);
    }

    private int FindSlot(ref Utf8JsonReader reader, int expected)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            var candidate = (expected + i) % _slots.Length;
            if (reader.ValueTextEquals(_slots[candidate].JsonName))
            {
                return candidate;
            }
        }

        return -1;
    }

    private static object? ReadValue(ref Utf8JsonReader reader, SlotKind kind)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return kind == SlotKind.StringList ? new List<string>() : null;
        }

        return kind switch
        {
            SlotKind.String => reader.GetString(),
            SlotKind.Int64 => reader.GetInt64(),
            SlotKind.Int32 => BoxInt32(reader.GetInt32()),
            SlotKind.Double => reader.GetDouble(),
            SlotKind.Boolean => reader.GetBoolean() ? True : False,
            SlotKind.DateTimeOffset => reader.GetDateTimeOffset(),
            SlotKind.StringList => ReadStringList(ref reader),
            _ => throw new InvalidOperationException(kind.ToString())
        };
    }

    private static object BoxInt32(int value) => value is >= 0 and < 256 ? SmallInts[value] : value;

    private static List<string> ReadStringList(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidOperationException("not an array");
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.GetString() ?? throw new InvalidOperationException("null in a list of strings"));
        }

        return list;
    }

    private static SlotKind KindOf(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type == typeof(string) ? SlotKind.String
            : type == typeof(long) ? SlotKind.Int64
            : type == typeof(int) ? SlotKind.Int32
            : type == typeof(double) ? SlotKind.Double
            : type == typeof(bool) ? SlotKind.Boolean
            : type == typeof(DateTimeOffset) ? SlotKind.DateTimeOffset
            : type == typeof(List<string>) ? SlotKind.StringList
            : throw new NotSupportedException($"The property '{property.Name}' of type '{type.Name}' cannot be read from the API.");
    }

    private enum SlotKind
    {
        String,
        Int64,
        Int32,
        Double,
        Boolean,
        DateTimeOffset,
        StringList
    }

    private readonly record struct Slot(byte[] JsonName, int Index, SlotKind Kind);
}
