namespace EFCore.DigitalOcean.Testing;

/// <summary>
/// A failure to inject with <see cref="DigitalOceanFake.InjectFault"/>. Faults are checked in the order
/// they were injected, before the request is handled; the first one that matches and still has hits
/// left answers the request.
/// </summary>
public sealed class FakeFault
{
    /// <summary>The HTTP method to match (case-insensitive); <see langword="null"/> matches any.</summary>
    public string? Method { get; init; }

    /// <summary>The start of the raw request path to match, e.g. <c>/v2/images</c>; <see langword="null"/> matches any.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>An extra condition on the request (its <see cref="RecordedRequest.StatusCode"/> is still 0).</summary>
    public Func<RecordedRequest, bool>? When { get; init; }

    /// <summary>How many matching requests the fault hits; <see cref="int.MaxValue"/> means for ever.</summary>
    public int Times { get; init; } = 1;

    /// <summary>How many matching requests to let through before the first hit (e.g. 2 to fail only page 3).</summary>
    public int SkipFirst { get; init; }

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; init; } = FaultKind.Status;

    /// <summary>The status answered by <see cref="FaultKind.Status"/>.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>The <c>id</c> of the error body; by default the API's id for the status (server_error, too_many_requests, ...).</summary>
    public string? ErrorId { get; init; }

    /// <summary>The <c>message</c> of the error body; by default the API's message for the status.</summary>
    public string? Message { get; init; }

    /// <summary>When set, adds <c>retry-after: N</c> to the answer.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>A real delay before answering, on top of <see cref="DigitalOceanFakeOptions.Latency"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Perform the real request first (create, update, delete and their effects happen) and only then
    /// answer with the fault, as when a change succeeds but its answer is lost.
    /// </summary>
    public bool ApplyBeforeFailing { get; init; }
}
