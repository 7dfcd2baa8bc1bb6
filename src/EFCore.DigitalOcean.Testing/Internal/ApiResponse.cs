namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>What the fake answers, before headers common to every answer are added.</summary>
internal sealed record ApiResponse
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The HTTP status; 0 when no status line is sent at all.</summary>
    public required int StatusCode { get; init; }

    public string? ContentType { get; init; }

    public byte[]? Body { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>The <c>Allow</c> header of a 405: the methods the path answers.</summary>
    public string? Allow { get; init; }

    /// <summary>False for answers that imitate a proxy in front of the API: they lack the API's own headers.</summary>
    public bool FromApi { get; init; } = true;

    /// <summary>What the transport does with the answer (send it, or break the connection).</summary>
    public TransportAction Transport { get; init; }

    /// <summary>The data of a successful JSON answer, which body faults reshape.</summary>
    public Envelope? Envelope { get; init; }

    public static ApiResponse Json(int status, Envelope envelope) => new()
    {
        StatusCode = status,
        ContentType = JsonContentType,
        Body = envelope.ToJson(),
        Envelope = envelope,
    };

    public static ApiResponse Error(ApiError error, string requestId, int? retryAfterSeconds = null) => new()
    {
        StatusCode = error.Status,
        ContentType = JsonContentType,
        Body = error.ToJson(requestId),
        RetryAfterSeconds = retryAfterSeconds,
    };

    public static ApiResponse NoContent() => new() { StatusCode = 204 };
}
