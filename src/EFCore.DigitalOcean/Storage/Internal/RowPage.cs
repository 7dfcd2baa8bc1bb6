namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The rows of one response, column by column: one typed array per property (indexed by the property's index), none for a
///     property the API never returns.
/// </summary>
internal sealed class RowPage(Array?[] columns, int count = 0)
{
    private int _capacity = columns.FirstOrDefault(c => c is not null)?.Length ?? 0;

    public Array?[] Columns { get; } = columns;

    public int Count { get; private set; } = count;

    public ResourceRow this[int index] => new(this, index);

    /// <summary>Empties the page for reuse: no row of it may be read after this.</summary>
    public RowPage Clear()
    {
        foreach (var column in Columns)
        {
            if (column is not null)
            {
                Array.Clear(column, 0, Count);
            }
        }

        Count = 0;
        return this;
    }

    /// <summary>Makes room for one more row and returns its index; its values start as their types' defaults.</summary>
    public int Add()
    {
        if (Count == _capacity)
        {
            _capacity = Math.Max(4, _capacity * 2);
            for (var i = 0; i < Columns.Length; i++)
            {
                if (Columns[i] is { } full)
                {
                    var larger = Array.CreateInstanceFromArrayType(full.GetType(), _capacity);
                    Array.Copy(full, larger, Count);
                    Columns[i] = larger;
                }
            }
        }

        return Count++;
    }
}
