namespace EFCore.DigitalOcean.Testing;

/// <summary>One request the fake received, recorded before it was answered.</summary>
/// <param name="Method">The HTTP method in upper case.</param>
/// <param name="Path">
/// The path exactly as it arrived on the wire, still percent-escaped (for example
/// <c>/v2/images/my%20slug</c>); use <see cref="UnescapedPath"/> for the decoded form.
/// </param>
/// <param name="QueryString">The raw query including the leading <c>?</c>, or an empty string.</param>
/// <param name="Query">
/// The decoded query parameters. When a name repeats, the first value wins, as in the Go server
/// behind the real API.
/// </param>
/// <param name="Body">The request body as text, or <see langword="null"/> when there was none.</param>
/// <param name="HadValidToken">Whether the request carried <c>Authorization: Bearer</c> with the accepted token. The token itself is never stored.</param>
/// <param name="StatusCode">
/// The status the fake answered with; 0 when the connection was dropped without a status line,
/// and 0 while a <see cref="FakeFault.When"/> predicate is being evaluated.
/// </param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Query,
    string? Body,
    bool HadValidToken,
    int StatusCode)
{
    /// <summary>The <c>x-request-id</c> the fake sent (also the <c>request_id</c> of error bodies).</summary>
    public string RequestId { get; init; } = "";

    /// <summary>When the request arrived, on the fake's <see cref="DigitalOceanFakeOptions.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary><see cref="Path"/> with percent-escapes decoded.</summary>
    public string UnescapedPath => Uri.UnescapeDataString(Path);
}
