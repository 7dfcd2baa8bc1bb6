namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>A request as the API handlers see it.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">The raw (still escaped) path.</param>
/// <param name="QueryPairs">Every decoded query pair in order, for pagination links.</param>
/// <param name="Query">The first value of each query parameter.</param>
/// <param name="Body">The body text, or null.</param>
/// <param name="RequestId">The request id of this exchange.</param>
/// <param name="Now">The fake's clock when the request arrived.</param>
internal sealed record ApiCall(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> QueryPairs,
    IReadOnlyDictionary<string, string> Query,
    string? Body,
    string RequestId,
    DateTimeOffset Now)
{
    /// <summary>
    /// The still escaped path segment in the place of the collection's <c>{...}</c> placeholder, e.g. the
    /// image id of <c>/v2/images/{image_id}/actions</c>; <see langword="null"/> for a collection without one.
    /// </summary>
    public string? Parent { get; init; }
}
