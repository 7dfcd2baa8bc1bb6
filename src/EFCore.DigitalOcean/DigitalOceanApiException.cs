using System.Net;

namespace EFCore.DigitalOcean;

/// <summary>
///     The DigitalOcean API answered with an error, or with a response that could not be read.
/// </summary>
public class DigitalOceanApiException : Exception
{
    /// <summary>Creates an exception for an API error.</summary>
    public DigitalOceanApiException(
        string message,
        HttpStatusCode statusCode,
        string? errorId = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorId = errorId;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The API's error id, such as <c>not_found</c>, <c>unauthorized</c> or <c>too_many_requests</c>.</summary>
    public string? ErrorId { get; }

    /// <summary>The request id to quote to DigitalOcean support: the body's <c>request_id</c>, else the <c>x-request-id</c> header.</summary>
    public string? RequestId { get; }
}
