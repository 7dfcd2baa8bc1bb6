namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>An error answer before it is written: status, <c>id</c> and <c>message</c>.</summary>
internal sealed record ApiError(int Status, string Id, string Message)
{
    // Texts seen from the real API where known (see the images API notes, section 8).
    public static ApiError Unauthorized { get; } = new(401, "unauthorized", "Unable to authenticate you.");

    public static ApiError NotFound { get; } = new(404, "not_found", "The resource you were accessing could not be found.");

    /// <summary>Spec snapshots/responses/not_a_snapshot.yml: a get or delete of an id that is an image but not a snapshot.</summary>
    public static ApiError NotASnapshot { get; } = new(400, "bad_request", "the resource is not a snapshot");

    // Not documented for the API; the id follows its pattern of naming the status.
    public static ApiError MethodNotAllowed { get; } = new(405, "method_not_allowed", "The method is not allowed for this resource.");

    public static ApiError TooManyRequests { get; } = new(429, "too_many_requests", "API rate limit exceeded.");

    public static ApiError BadRequest { get; } = new(400, "bad_request", "error parsing request body");

    public static ApiError Unprocessable(string message) => new(422, "unprocessable_entity", message);

    /// <summary>The error the API would send for a status, for faults that name only the status.</summary>
    public static ApiError ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => new(403, "forbidden", "You do not have access for the attempted action."),
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => new(409, "conflict", "The request could not be completed due to a conflict."),
        422 => Unprocessable("request payload validation failed"),
        429 => TooManyRequests,
        500 => new(500, "server_error", "Unexpected server-side error"),
        502 => new(502, "bad_gateway", "Bad Gateway"),
        503 => new(503, "service_unavailable", "The service is temporarily unavailable. Please try again later."),
        504 => new(504, "gateway_timeout", "Gateway Timeout"),
        >= 500 => new(status, "server_error", "Unexpected server-side error"),
        _ => new(status, "bad_request", "The request could not be processed."),
    };

    public byte[] ToJson(string requestId) => JsonBody.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("message", Message);
        writer.WriteString("request_id", requestId);
        writer.WriteEndObject();
    });
}
