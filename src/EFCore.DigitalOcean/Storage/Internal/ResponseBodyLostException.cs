using System.Net;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The connection failed while the body of an answer was being read, after its status and headers had come. It is an
///     <see cref="HttpRequestException" />, so the retry policy treats it as the transient failure it is; the client turns the
///     last one into an error that names the request, its status and its request id.
/// </summary>
internal sealed class ResponseBodyLostException(HttpStatusCode statusCode, string? requestId, Exception innerException)
    : HttpRequestException(innerException.Message, innerException, statusCode)
{
    public string? RequestId { get; } = requestId;
}
