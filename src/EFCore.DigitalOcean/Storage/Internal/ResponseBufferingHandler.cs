namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Reads the whole body of every answer inside the attempt, so the attempt's time limit covers a body that trickles and
///     the retry policy sees a connection that fails in the middle of one. Sits between the attempt timeout and the
///     connections; the provider parses bodies only once they are whole anyway, in the pooled buffer this stage reads them
///     into (<see cref="PooledBodyContent" />).
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            response.Content = await PooledBodyContent.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The connection's stream fails with an IOException; HttpClient wraps one in an HttpRequestException.
            response.Dispose();
            throw new ResponseBodyLostException(
                response.StatusCode,
                ResponseHeaders.Get(response, ResponseHeaders.RequestId),
                exception is HttpRequestException { InnerException: { } inner } ? inner : exception);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
