using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ImagesConsole.Commands;

/// <summary>Options that take a span of time written as a number and a unit: <c>45s</c>, <c>30m</c>, <c>12h</c>, <c>30d</c>, <c>2w</c>.</summary>
internal static class DurationArgument
{
    public const string HelpName = "30d|12h|2w";

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

    public static Option<TimeSpan> WithDefault(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        HelpName = HelpName,
        CustomParser = Parse,
        DefaultValueFactory = _ => defaultValue,
    };

    private static TimeSpan Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        if (text.Length >= 2
            && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount > 0
            && Unit(char.ToLowerInvariant(text[^1])) is { } unit)
        {
            return unit * amount;
        }

        result.AddError($"'{text}' is not a duration: write a positive number and a unit (s, m, h, d or w), such as 30d.");
        return default;
    }

    private static TimeSpan? Unit(char suffix) => suffix switch
    {
        's' => TimeSpan.FromSeconds(1),
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        'w' => TimeSpan.FromDays(7),
        _ => null,
    };
}
