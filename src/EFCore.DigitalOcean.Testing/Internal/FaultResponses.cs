using System.Text;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Builds the answer an injected fault gives.</summary>
internal static class FaultResponses
{
    // What a CDN or load balancer in front of the API sends when the API cannot be reached.
    private const string ProxyPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n";

    private const string PlainTextGarbage =
        "upstream connect error or disconnect/reset before headers. reset reason: connection termination";

    /// <param name="fault">The fault that hit.</param>
    /// <param name="call">The request.</param>
    /// <param name="handled">The real answer when the request was handled first (<see cref="FakeFault.ApplyBeforeFailing"/>).</param>
    /// <param name="preview">Builds the body a success would have had, when there is no real one.</param>
    public static ApiResponse Create(FakeFault fault, ApiCall call, ApiResponse? handled, Func<Envelope> preview)
    {
        // Reshape the real body when there is one, so e.g. a truncated create answer holds the new image.
        Envelope Data() => handled?.Envelope ?? preview();

        return fault.Kind switch
        {
            FaultKind.Status => StatusError(fault, call),
            FaultKind.DropConnection => new ApiResponse { StatusCode = 0, Transport = TransportAction.Drop },
            FaultKind.DropConnectionMidBody => Ok(Data().ToJson(), ApiResponse.JsonContentType, TransportAction.DropMidBody),
            FaultKind.TruncatedBody => Ok(Half(Data().ToJson()), ApiResponse.JsonContentType),
            FaultKind.HtmlErrorPage => new ApiResponse
            {
                StatusCode = 502,
                ContentType = "text/html",
                Body = Encoding.UTF8.GetBytes(ProxyPage),
                FromApi = false,
            },
            FaultKind.NonJsonBody => Ok(Encoding.UTF8.GetBytes(PlainTextGarbage), "text/plain; charset=utf-8"),
            FaultKind.EmptyBody200 => Ok([], ApiResponse.JsonContentType),
            FaultKind.MissingEnvelopeKey => Ok(Data().ToJson(EnvelopeVariant.MissingKey), ApiResponse.JsonContentType),
            FaultKind.WrongFieldType => Ok(Data().ToJson(EnvelopeVariant.BrokenId), ApiResponse.JsonContentType),
            _ => throw new InvalidOperationException($"Fault kind {fault.Kind} has no fixed answer."),
        };
    }

    private static ApiResponse StatusError(FakeFault fault, ApiCall call)
    {
        var standard = ApiError.ForStatus(fault.StatusCode);
        var error = new ApiError(fault.StatusCode, fault.ErrorId ?? standard.Id, fault.Message ?? standard.Message);
        return ApiResponse.Error(error, call.RequestId, fault.RetryAfterSeconds);
    }

    private static ApiResponse Ok(byte[] body, string contentType, TransportAction transport = TransportAction.Send) =>
        new() { StatusCode = 200, ContentType = contentType, Body = body, Transport = transport };

    private static byte[] Half(byte[] body) => body[..(body.Length / 2)];
}
