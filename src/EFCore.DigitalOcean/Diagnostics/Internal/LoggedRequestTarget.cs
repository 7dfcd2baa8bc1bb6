using System.Text;

namespace EFCore.DigitalOcean.Diagnostics.Internal;

/// <summary>
///     A request's path and query as a log shows them: without sensitive data logging, the values in it (ids, slugs, tag
///     names, filter values) are <c>?</c>, as EF's own providers show parameters. The API's paths alternate collection names
///     and values (<c>/v2/images/{id}/actions/{id}</c>, <c>/v2/tags/{name}/resources</c>), so every segment after a
///     collection name is a value; of the query, only the page and the page size are shown.
/// </summary>
internal static class LoggedRequestTarget
{
    /// <summary>A request line, <c>METHOD target</c>, as a log shows it.</summary>
    public static string ForRequest(string request, bool sensitiveDataLogging)
        => request.IndexOf(' ') is var space and > 0
            ? request[..(space + 1)] + For(request[(space + 1)..], sensitiveDataLogging)
            : For(request, sensitiveDataLogging);

    public static string For(string target, bool sensitiveDataLogging)
    {
        if (sensitiveDataLogging)
        {
            return target;
        }

        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var text = new StringBuilder(target.Length);
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            // "", "v2", collection, value, collection, value…
            text.Append(i > 0 ? "/" : "").Append(i >= 3 && i % 2 == 1 && segments[i].Length > 0 ? "?" : segments[i]);
        }

        if (question >= 0)
        {
            var separator = '?';
            foreach (var pair in target[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = pair.Split('=', 2)[0];
                text.Append(separator).Append(name).Append('=').Append(name is "page" or "per_page" ? pair[(name.Length + 1)..] : "?");
                separator = '&';
            }
        }

        return text.ToString();
    }
}
