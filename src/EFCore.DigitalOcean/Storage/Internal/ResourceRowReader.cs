using System.Text;
using System.Text.Json;
using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Reads the JSON objects of a resource straight into the typed columns of a <see cref="RowPage" />, in EF's property order,
///     which is what the compiled query reads. No intermediate object, array or box per item and no reflection: each slot knows
///     its JSON name (as UTF-8) and how to read its type. Unknown fields are skipped, so a field the API adds later never
///     breaks reading.
/// </summary>
internal sealed class ResourceRowReader
{
    [ThreadStatic]
    private static List<string>? t_listItems;

    private readonly Slot[] _slots;
    private readonly int[] _listColumns;
    private readonly ulong _requiredSlots;
    private readonly int _width;
    private readonly Func<int, RowKeySet> _newKeySet;

    private ResourceRowReader(IEntityType entityType, ApiResource resource)
    {
        var properties = entityType.GetProperties().ToArray();
        _width = properties.Length;
        var readable = properties.Where(p => !resource.WriteOnly.Contains(p.Name)).ToArray();
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        _newKeySet = RowKeySet.Factory(key.ClrType, key.GetIndex());

        // Without its key an item cannot be told apart, and without its creation time a cleanup by age would take it for
        // the oldest: a body that leaves either out (or sends null) is refused, never read as 0 or 0001-01-01.
        var createdAt = resource.CreatedAtProperty is { } name ? entityType.FindProperty(name) : null;

        // Loops rather than LINQ over the Slot struct: ReadyToRun code cannot hold the framework's generic methods
        // instantiated over this assembly's value types, so each such LINQ call would be JIT-compiled in every new process.
        _slots = new Slot[readable.Length];
        var listColumns = new List<int>();
        for (var position = 0; position < readable.Length; position++)
        {
            var property = readable[position];
            var slot = new Slot(
                Encoding.UTF8.GetBytes(resource.JsonNameOf(property.Name)), property.GetIndex(), KindOf(property), property.ClrType.MakeArrayType());
            _slots[position] = slot;
            if (slot.Kind == SlotKind.StringList)
            {
                listColumns.Add(slot.Index);
            }

            if (property == key || property == createdAt)
            {
                _requiredSlots |= 1UL << position;
            }
        }

        _listColumns = [.. listColumns];
        Envelopes = new ResourceEnvelopeReader(this, resource.CollectionKey, resource.ItemKey);
    }

    public static ResourceRowReader For(IEntityType entityType, ApiResource resource)
        => entityType.GetOrAddRuntimeAnnotationValue(
            "DigitalOcean:RowReader", static state => new ResourceRowReader(state.entityType, state.resource), (entityType, resource));

    /// <summary>
    ///     A set of the keys of the rows seen, sized for <paramref name="capacity" /> rows, used to drop an item that moved
    ///     between pages while listing.
    /// </summary>
    public RowKeySet NewKeySet(int capacity) => _newKeySet(capacity);

    /// <summary>Reads the page and item envelopes this resource's rows come in.</summary>
    public ResourceEnvelopeReader Envelopes { get; }

    /// <summary>An empty page with room for <paramref name="capacity" /> rows; it grows if more come.</summary>
    public RowPage NewPage(int capacity)
    {
        var columns = new Array?[_width];
        foreach (var slot in _slots)
        {
            columns[slot.Index] = Array.CreateInstanceFromArrayType(slot.ColumnType, capacity);
        }

        return new RowPage(columns);
    }

    /// <summary>
    ///     Reads the object at the reader into the next row of <paramref name="page" />; with <paramref name="repeated" />, a
    ///     string or list the page had before is that same instance.
    /// </summary>
    public void ReadRow(ref Utf8JsonReader reader, RowPage page, RepeatedStrings? repeated)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"expected an object, found {reader.TokenType}");
        }

        var row = page.Add();

        // A list the body leaves out or sends as null reads as empty, never as null.
        foreach (var index in _listColumns)
        {
            ((IReadOnlyList<string>[])page.Columns[index]!)[row] = ReadOnlyStringList.Empty;
        }

        var next = 0;
        var present = 0UL;
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
            present |= reader.TokenType == JsonTokenType.Null || slot >= 64 ? 0 : 1UL << slot;
            try
            {
                ReadValue(ref reader, field.Kind, page.Columns[field.Index]!, row, repeated);
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException)
            {
                throw new JsonException(
                    $"the field '{Encoding.UTF8.GetString(field.JsonName)}' is {reader.TokenType}, not {field.Kind}", exception);
            }

            next = slot + 1;
        }

        if ((present & _requiredSlots) != _requiredSlots)
        {
            throw MissingRequired(present);
        }
    }

    // Apart from ReadRow, so that ReadRow allocates no closure over `present` for every row.
    private JsonException MissingRequired(ulong present)
    {
        var missing = _slots.Where((_, position) => (_requiredSlots & ~present & (1UL << position)) != 0).First();
        return new JsonException($"an item has no '{Encoding.UTF8.GetString(missing.JsonName)}' (the field is missing or null)");
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

    /// <summary>Writes the value at the reader into its column; JSON null leaves what the column holds for a missing field.</summary>
    private static void ReadValue(ref Utf8JsonReader reader, SlotKind kind, Array column, int row, RepeatedStrings? repeated)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        switch (kind)
        {
            case SlotKind.String:
                ((string?[])column)[row] = repeated is null ? reader.GetString() : repeated.GetString(ref reader);
                break;
            case SlotKind.Int64:
                Set(column, row, reader.GetInt64());
                break;
            case SlotKind.Int32:
                Set(column, row, reader.GetInt32());
                break;
            case SlotKind.Double:
                Set(column, row, reader.GetDouble());
                break;
            case SlotKind.Boolean:
                Set(column, row, reader.GetBoolean());
                break;
            case SlotKind.DateTimeOffset:
                Set(column, row, reader.GetDateTimeOffset());
                break;
            case SlotKind.StringList:
                ((IReadOnlyList<string>[])column)[row] = ReadStringList(ref reader, repeated);
                break;
            default:
                throw new InvalidOperationException(kind.ToString());
        }
    }

    /// <summary>Writes into a column of <typeparamref name="T" /> or of <typeparamref name="T" />?, without boxing.</summary>
    private static void Set<T>(Array column, int row, T value)
        where T : struct
    {
        if (column is T[] values)
        {
            values[row] = value;
        }
        else
        {
            ((T?[])column)[row] = value;
        }
    }

    private static ReadOnlyStringList ReadStringList(ref Utf8JsonReader reader, RepeatedStrings? repeated)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidOperationException("not an array");
        }

        // Gathered in a list kept per thread, so that each list read costs one array of the right size.
        var items = t_listItems ??= [];
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add((repeated is null ? reader.GetString() : repeated.GetString(ref reader))
                    ?? throw new InvalidOperationException("null in a list of strings"));
            }

            return repeated is not null ? repeated.GetList(items)
                : items.Count == 0 ? ReadOnlyStringList.Empty
                : new ReadOnlyStringList([.. items]);
        }
        finally
        {
            items.Clear();
        }
    }

    /// <summary>Whether a property of this type can be read from the API's JSON; the model validator asks.</summary>
    public static bool CanRead(Type clrType) => FindKind(clrType) is not null;

    private static SlotKind KindOf(IProperty property)
        => FindKind(property.ClrType)
            ?? throw new NotSupportedException($"The property '{property.Name}' of type '{property.ClrType.Name}' cannot be read from the API.");

    private static SlotKind? FindKind(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return type == typeof(string) ? SlotKind.String
            : type == typeof(long) ? SlotKind.Int64
            : type == typeof(int) ? SlotKind.Int32
            : type == typeof(double) ? SlotKind.Double
            : type == typeof(bool) ? SlotKind.Boolean
            : type == typeof(DateTimeOffset) ? SlotKind.DateTimeOffset
            : type == typeof(IReadOnlyList<string>) ? SlotKind.StringList
            : null;
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

    private readonly record struct Slot(byte[] JsonName, int Index, SlotKind Kind, Type ColumnType);
}
