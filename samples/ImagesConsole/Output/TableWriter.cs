using Spectre.Console;

namespace ImagesConsole.Output;

/// <summary>
///     Writes rows to stdout: on a terminal, a table that fits its width (<see cref="TableLayout" />) and never wraps a cell; to a
///     pipe or a file, tab-separated text, one row a line, for <c>cut</c>, <c>awk</c> and <c>sort</c>.
/// </summary>
internal static class TableWriter
{
    public static void Write<T>(AppEnvironment environment, IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> rows, bool header)
    {
        var cells = rows.Select(row => columns.Select(column => OneLine(column.Value(row))).ToArray()).ToList();
        if (environment.OutputIsTerminal)
        {
            environment.OutConsole.Write(Table(columns, rows, cells, header, environment.OutConsole.Profile.Width));
            return;
        }

        if (header)
        {
            environment.Out.WriteLine(string.Join('\t', columns.Select(c => c.Header)));
        }

        foreach (var row in cells)
        {
            environment.Out.WriteLine(string.Join('\t', row));
        }
    }

    private static Table Table<T>(
        IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> rows, List<string[]> cells, bool header, int width)
    {
        var natural = columns.Select((column, i) => cells.Select(row => row[i].Length).Append(column.Header.Length).Max()).ToArray();
        var empty = columns.Select((_, i) => cells.All(row => row[i].Length == 0)).ToArray();
        var widths = TableLayout.Fit(columns, natural, empty, width);
        var table = new Table { Border = TableBorder.Rounded, ShowHeaders = header };
        foreach (var (i, columnWidth) in widths)
        {
            table.AddColumn(new Spectre.Console.TableColumn(new Text(columns[i].Header))
            {
                Width = columnWidth,
                NoWrap = true,
                Alignment = columns[i].RightAligned ? Justify.Right : Justify.Left,
            });
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var values = cells[r];
            table.AddRow(widths.Select(w => new Text(
                TableLayout.Truncate(values[w.Index], w.Width), columns[w.Index].Style?.Invoke(row) ?? Style.Plain)));
        }

        return table;
    }

    // A cell is one line: a tab or a line break in a name would break the table and the tab-separated columns.
    private static string OneLine(string value)
        => value.ReplaceLineEndings(" ").Replace('\t', ' ').Trim();
}
