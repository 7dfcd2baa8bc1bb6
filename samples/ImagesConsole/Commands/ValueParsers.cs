using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ImagesConsole.Commands;

/// <summary>
///     The <c>CustomParser</c>s the options and arguments share. Each one reports a bad value as a parse error that names the
///     option (or argument) and says what it accepts, so System.CommandLine refuses the command before it runs.
/// </summary>
internal static partial class ValueParsers
{
    /// <summary>The largest count any option takes: far above any account's images, far below an overflow.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>A whole number from <paramref name="minimum" /> to <see cref="MaxCount" />.</summary>
    public static Func<ArgumentResult, int> Count(int minimum) => result =>
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= MaxCount)
        {
            return value;
        }

        result.AddError($"{NameOf(result)} takes a whole number from {minimum} to {MaxCount}, not '{text}'.");
        return default;
    };

    /// <summary>One image id.</summary>
    public static long ImageId(ArgumentResult result) => ImageIds(result).FirstOrDefault();

    /// <summary>Image ids; every token that is not one is named in one error, the valid ones are not.</summary>
    public static long[] ImageIds(ArgumentResult result)
    {
        var ids = new List<long>();
        var invalid = new List<string>();
        foreach (var token in result.Tokens)
        {
            if (long.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else
            {
                invalid.Add($"'{token.Value}'");
            }
        }

        if (invalid.Count > 0)
        {
            result.AddError($"{NameOf(result)} takes image ids (positive whole numbers), not {string.Join(", ", invalid)}.");
        }

        return [.. ids];
    }

    /// <summary>Text that is not empty or only spaces, kept as written.</summary>
    public static string NonBlank(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (string.IsNullOrWhiteSpace(text))
        {
            result.AddError($"{NameOf(result)} cannot be empty.");
        }

        return text;
    }

    /// <summary>An absolute http or https URL.</summary>
    public static Uri? HttpUrl(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"{NameOf(result)} takes an absolute http or https URL, not '{text}'.");
        return null;
    }

    /// <summary>Region slugs such as <c>nyc3</c>, lower-case letters then digits; every one that is not is named in one error.</summary>
    public static string[] RegionSlugs(ArgumentResult result)
        => Matching(result, RegionSlug(), "region slugs such as nyc3 (the 'regions' command lists them)");

    private static string[] Matching(ArgumentResult result, Regex pattern, string what)
    {
        var invalid = result.Tokens.Where(token => !pattern.IsMatch(token.Value)).Select(token => $"'{token.Value}'").ToList();
        if (invalid.Count > 0)
        {
            result.AddError($"{NameOf(result)} takes {what}, not {string.Join(", ", invalid)}.");
        }

        return [.. result.Tokens.Select(token => token.Value).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[a-z]+[0-9]+$")]
    private static partial Regex RegionSlug();

    /// <summary>How the user wrote the symbol: <c>--top</c> for an option, <c>&lt;id&gt;</c> for an argument.</summary>
    public static string NameOf(ArgumentResult result)
        => result.Parent is OptionResult option ? option.Option.Name : $"<{result.Argument.Name}>";
}
