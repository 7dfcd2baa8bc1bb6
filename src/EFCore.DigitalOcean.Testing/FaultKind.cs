namespace EFCore.DigitalOcean.Testing;

/// <summary>What an injected <see cref="FakeFault"/> does to the requests it hits.</summary>
public enum FaultKind
{
    /// <summary>Answer <see cref="FakeFault.StatusCode"/> with the API's JSON error body (and <c>retry-after</c> when set).</summary>
    Status,

    /// <summary>Close the connection without sending a status line, so <see cref="HttpClient"/> throws <see cref="HttpRequestException"/>.</summary>
    DropConnection,

    /// <summary>Answer 200 with a complete HTTP response whose JSON body stops in the middle.</summary>
    TruncatedBody,

    /// <summary>Answer 502 with a <c>text/html</c> page from a proxy in front of the API (no rate-limit or request-id headers).</summary>
    HtmlErrorPage,

    /// <summary>Answer 200 with a <c>text/plain</c> body that is not JSON.</summary>
    NonJsonBody,

    /// <summary>Answer 200 with an empty body.</summary>
    EmptyBody200,

    /// <summary>Answer 200 with JSON that lacks the envelope's key: <c>images</c>, <c>image</c>, <c>snapshots</c>, <c>snapshot</c> or <c>regions</c>.</summary>
    MissingEnvelopeKey,

    /// <summary>
    /// Answer 200 with the usual envelope whose (first) object has its key in the wrong JSON type: an
    /// image <c>"id":"not-a-number"</c>, a snapshot its id as a number, a region <c>"slug":0</c>.
    /// </summary>
    WrongFieldType,

    /// <summary>
    /// Send the headers of a 200 with a <c>Content-Length</c> for the whole body, half of the body,
    /// and then reset the connection: the failure shows while the client reads the content.
    /// </summary>
    DropConnectionMidBody,

    /// <summary>Handle the request normally but wait <see cref="FakeFault.Delay"/> before answering (for client timeouts).</summary>
    SlowResponse,
}
