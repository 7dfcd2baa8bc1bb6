namespace ImagesConsole.Output;

/// <summary>
///     Fits columns into a terminal's width. When not everything fits whole, the columns with no value at all go first, then
///     the least important ones until the rest fit at their narrowest; the room left goes to the truncatable columns, most
///     important first, up to what their longest value needs.
/// </summary>
internal static class TableLayout
{
    /// <summary>What a rounded table adds around its cells: a border and a space on each side of every cell, and the last border.</summary>
    public static int Frame(int columns) => (3 * columns) + 1;

    /// <summary>The columns that fit, by their position in <paramref name="columns" />, in order, with their widths.</summary>
    /// <param name="columns">The columns, in display order.</param>
    /// <param name="naturalWidths">What each column needs to show its header and every value whole.</param>
    /// <param name="empty">Whether each column has no value in any row (such as the slug of your own images).</param>
    /// <param name="width">The terminal's width.</param>
    public static IReadOnlyList<(int Index, int Width)> Fit<T>(
        IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<int> naturalWidths, IReadOnlyList<bool> empty, int width)
    {
        var narrowest = columns
            .Select((column, i) => column.Truncatable
                ? Math.Min(naturalWidths[i], Math.Max(column.Header.Length, column.Narrowest))
                : naturalWidths[i])
            .ToArray();
        var kept = Enumerable.Range(0, columns.Count).ToList();
        if (naturalWidths.Sum() + Frame(columns.Count) > width && kept.Count(i => !empty[i]) > 0)
        {
            // Something must be cut: a column that shows nothing is the first to give its room.
            kept.RemoveAll(i => empty[i]);
        }

        while (kept.Count > 1 && kept.Sum(i => narrowest[i]) + Frame(kept.Count) > width)
        {
            kept.Remove(kept.OrderByDescending(i => columns[i].Priority).ThenByDescending(i => i).First());
        }

        var widths = kept.ToDictionary(i => i, i => narrowest[i]);
        var room = width - Frame(kept.Count) - widths.Values.Sum();
        foreach (var i in kept.Where(i => columns[i].Truncatable).OrderBy(i => columns[i].Priority))
        {
            var grant = Math.Clamp(naturalWidths[i] - widths[i], 0, Math.Max(room, 0));
            widths[i] += grant;
            room -= grant;
        }

        return [.. kept.Select(i => (i, widths[i]))];
    }

    /// <summary><paramref name="text" /> in at most <paramref name="width" /> characters, its end replaced by <c>…</c> when cut.</summary>
    public static string Truncate(string text, int width)
        => text.Length <= width ? text : string.Concat(text.AsSpan(0, Math.Max(width - 1, 0)), "…");
}
