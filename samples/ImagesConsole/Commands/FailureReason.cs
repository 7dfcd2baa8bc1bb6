using System.Globalization;
using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary>
///     Why an operation failed, from the exception the provider threw: the API's own error for a refused request, one line for
///     the error message, and the full chain (without stack frames) for <c>--verbose</c>.
/// </summary>
internal static class FailureReason
{
    /// <summary>One line: the innermost exceptions that say what the server or network did.</summary>
    public static string Of(Exception exception) => exception switch
    {
        DbUpdateException { InnerException: AggregateException all } => string.Join("; ", all.InnerExceptions.Select(Of)),
        DbUpdateException { InnerException: { } inner } => Of(inner),
        HttpRequestException http => $"the API could not be reached: {OneLine(http.Message)}",
        _ => OneLine(exception.Message),
    };

    /// <summary>Every exception of the chain, its type and message, and what the API said about it.</summary>
    public static IEnumerable<string> Details(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return $"{current.GetType().FullName}: {OneLine(current.Message)}";
            if (current is DigitalOceanApiException api)
            {
                yield return string.Create(
                    CultureInfo.InvariantCulture,
                    $"  status {(int)api.StatusCode}, error id {api.ErrorId ?? "none"}, request id {api.RequestId ?? "none"}");
            }

            if (current is AggregateException aggregate)
            {
                foreach (var line in aggregate.InnerExceptions.SelectMany(Details))
                {
                    yield return "  " + line;
                }

                yield break;
            }
        }
    }

    private static string OneLine(string message)
        => string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
