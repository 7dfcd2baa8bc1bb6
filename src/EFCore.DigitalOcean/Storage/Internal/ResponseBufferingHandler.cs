namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Reads the whole body of every answer inside the attempt, so the attempt's time limit covers a body that trickles and
///     the retry policy sees a connection that fails in the middle of one. Sits between the attempt timeout and the
///     connections; the provider parses bodies only once they are whole anyway.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (HttpRequestException exception)
        {
            response.Dispose();
            throw new ResponseBodyLostException(
                response.StatusCode, ResponseHeaders.Get(response, ResponseHeaders.RequestId), exception.InnerException ?? exception);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
