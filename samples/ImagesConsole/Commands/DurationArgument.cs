using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ImagesConsole.Commands;

/// <summary>Options that take a span of time written as a number and a unit: <c>45s</c>, <c>30m</c>, <c>12h</c>, <c>30d</c>, <c>2w</c>.</summary>
internal static class DurationArgument
{
    public const string HelpName = "30m|12h|30d|2w";

    // A century: older than any image, and far from where TimeSpan or a date minus it overflows.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(36_500);

    // Largest first, for Format.
    private static readonly (char Suffix, TimeSpan Length)[] Units =
    [
        ('w', TimeSpan.FromDays(7)), ('d', TimeSpan.FromDays(1)), ('h', TimeSpan.FromHours(1)), ('m', TimeSpan.FromMinutes(1)),
        ('s', TimeSpan.FromSeconds(1)),
    ];

    public static Option<TimeSpan> Required(string name, string description) => new(name)
    {
        Description = description,
        HelpName = HelpName,
        Required = true,
        CustomParser = Parse,
    };

    public static Option<TimeSpan?> Optional(string name, string description) => new(name)
    {
        Description = description,
        HelpName = HelpName,
        CustomParser = result => Parse(result),
    };

    /// <summary>A duration as these options take it, in its largest whole unit: <c>30m</c>, <c>2h</c>, <c>90s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var (suffix, length) = Units.First(unit => duration.Ticks % unit.Length.Ticks == 0 || unit.Suffix == 's');
        return string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / length.Ticks}{suffix}");
    }

    private static TimeSpan Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        var suffix = text.Length > 0 ? char.ToLowerInvariant(text[^1]) : ' ';
        if (text.Length >= 2
            && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount > 0
            && Array.Find(Units, unit => unit.Suffix == suffix) is { Length.Ticks: > 0 } unit
            && amount <= Longest / unit.Length)
        {
            return unit.Length * amount;
        }

        result.AddError(
            $"{ValueParsers.NameOf(result)} takes a positive number and a unit (s, m, h, d or w) up to {Longest.Days}d, such as 30d; "
            + $"not '{text}'.");
        return default;
    }
}
