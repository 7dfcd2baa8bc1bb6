using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json.Serialization.Metadata;
using ImagesConsole.Output;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>--format</c> and <c>--no-header</c> for a command that writes a table of <typeparamref name="T" />, as doctl has them;
///     <c>--json</c> writes every field instead.
/// </summary>
internal sealed class TableOptions<T>
{
    private readonly IReadOnlyList<TableColumn<T>> _all;
    private readonly IReadOnlyList<TableColumn<T>> _default;

    public TableOptions(IReadOnlyList<TableColumn<T>> all)
    {
        _all = all;
        _default = [.. all.Where(c => c.ShownByDefault)];
        Format = new Option<IReadOnlyList<TableColumn<T>>?>("--format")
        {
            Description = $"The columns to show, in this order, separated by commas: {string.Join(", ", all.Select(c => c.Header))}. "
                + "Ignored with --json.",
            HelpName = "columns",
            CustomParser = Parse,
        };
    }

    public Option<IReadOnlyList<TableColumn<T>>?> Format { get; }

    public Option<bool> NoHeader { get; } = new("--no-header") { Description = "Leave out the header line of the table or text." };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(NoHeader);
    }

    /// <summary>Writes <paramref name="rows" /> to stdout in the columns the user picked.</summary>
    public void Write(CommandContext context, IReadOnlyList<T> rows)
        => TableWriter.Write(context.Environment, context.Get(Format) ?? _default, rows, header: !context.Get(NoHeader));

    /// <summary>Writes <paramref name="rows" /> to stdout: as JSON with <c>--json</c> (each row mapped to its output record), else as the table.</summary>
    public void WriteRows<TOutput>(CommandContext context, IReadOnlyList<T> rows, Func<T, TOutput> output, JsonTypeInfo<IReadOnlyList<TOutput>> typeInfo)
    {
        if (context.Json)
        {
            context.WriteJson<IReadOnlyList<TOutput>>([.. rows.Select(output)], typeInfo);
        }
        else
        {
            Write(context, rows);
        }
    }

    private IReadOnlyList<TableColumn<T>> Parse(ArgumentResult result)
    {
        var names = result.Tokens.Single().Value.Split(',', StringSplitOptions.TrimEntries);
        var columns = names.Select(name => _all.FirstOrDefault(c => string.Equals(c.Header, name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (columns.Contains(null))
        {
            result.AddError(
                $"{ValueParsers.NameOf(result)} takes column names separated by commas, from {string.Join(", ", _all.Select(c => c.Header))}; "
                + $"not '{string.Join(",", names.Where((_, i) => columns[i] is null))}'.");
            return [];
        }

        return [.. columns.Distinct().OfType<TableColumn<T>>()];
    }
}
