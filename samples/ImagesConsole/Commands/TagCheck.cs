using System.Text.RegularExpressions;

namespace ImagesConsole.Commands;

/// <summary>The tag names <c>tag</c> and <c>untag</c> accept, as the API takes them.</summary>
internal static partial class TagCheck
{
    /// <summary>The usage error for the names that are not tags, or <see langword="null" /> when all are.</summary>
    public static string? Invalid(IEnumerable<string> tags)
    {
        var invalid = tags.Where(tag => !TagName().IsMatch(tag)).Select(tag => $"'{tag}'").ToList();
        return invalid.Count == 0 ? null : $"Tags are letters, digits, ':', '-' and '_', up to 255 characters; not {string.Join(", ", invalid)}.";
    }

    [GeneratedRegex("^[A-Za-z0-9:_-]{1,255}$")]
    private static partial Regex TagName();
}
