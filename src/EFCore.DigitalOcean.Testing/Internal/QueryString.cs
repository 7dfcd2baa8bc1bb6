using System.Text;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Reads and writes query strings the way the Go server behind the real API does.</summary>
internal static class QueryString
{
    /// <summary>Splits a raw query (with or without the leading <c>?</c>) into decoded pairs, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add(new(Decode(key), Decode(value)));
        }

        return pairs;
    }

    /// <summary>One value per name; the first occurrence wins, like Go's <c>url.Values.Get</c>.</summary>
    public static IReadOnlyDictionary<string, string> FirstValues(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            values.TryAdd(key, value);
        }

        return values;
    }

    /// <summary>
    /// Encodes pairs sorted by name (stable within a name), as Go's <c>url.Values.Encode</c> does when
    /// the API builds its pagination links.
    /// </summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Escape(key)).Append('=').Append(Escape(value));
        }

        return builder.ToString();
    }

    // Form encoding: '+' is a space, as in Go's url.ParseQuery.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    // Go's url.QueryEscape writes a space as '+'.
    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);
}
