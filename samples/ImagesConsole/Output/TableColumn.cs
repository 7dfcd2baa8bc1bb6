using Spectre.Console;

namespace ImagesConsole.Output;

/// <summary>A column of a table: its header, how a row shows in it, and what happens to it when the terminal is narrow.</summary>
/// <param name="Header">The header, also the name <c>--format</c> picks the column by.</param>
/// <param name="Value">The cell of a row, as plain text.</param>
internal sealed record TableColumn<T>(string Header, Func<T, string> Value)
{
    /// <summary>How important the column is: when the columns do not fit, the one with the highest number goes first.</summary>
    public int Priority { get; init; }

    /// <summary>
    ///     Whether a long value may be cut short with <c>…</c> (names, lists). Other values (ids, dates, statuses) are shown
    ///     whole or not at all, so that they can be copied.
    /// </summary>
    public bool Truncatable { get; init; }

    /// <summary>
    ///     The narrowest a truncatable column becomes (or its header, if wider) before less important columns are dropped: an
    ///     important column gets a width worth reading.
    /// </summary>
    public int Narrowest { get; init; } = 8;

    public bool RightAligned { get; init; }

    /// <summary>Whether the column is shown when <c>--format</c> does not pick the columns.</summary>
    public bool ShownByDefault { get; init; } = true;

    /// <summary>The style of a row's cell on a terminal, such as a status's colour.</summary>
    public Func<T, Style>? Style { get; init; }
}
