using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// ASP.NET Core middleware placed in front of WireMock's own. It counts requests in flight, publishes
/// the <see cref="Exchange"/>, and delivers WireMock's answer: whole with a Content-Length (WireMock
/// alone would send it chunked), or not at all for the faults that break the connection. Buffering
/// the answer is what makes "headers plus half a body, then a reset" possible.
/// </summary>
internal static class TransportMiddleware
{
    private static readonly TimeSpan MidBodyGrace = TimeSpan.FromMilliseconds(100);

    /// <param name="app">The <see cref="IApplicationBuilder"/> WireMock passes to <c>PreWireMockMiddlewareInit</c>.</param>
    /// <param name="log">Where requests in flight are counted.</param>
    public static void Install(object app, RequestLog log) =>
        ((IApplicationBuilder)app).Use((context, next) => RunAsync(context, next, log));

    private static async Task RunAsync(HttpContext context, RequestDelegate next, RequestLog log)
    {
        log.EnterRequest();
        try
        {
            var exchange = new Exchange(context);
            var wire = context.Response.Body;
            using var buffer = new MemoryStream();
            Exchange.Current = exchange;
            context.Response.Body = buffer;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = wire;
                Exchange.Current = null;
            }

            await DeliverAsync(context, exchange.Transport, buffer).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client went away (for example after its own timeout): nobody is left to answer.
        }
        finally
        {
            log.ExitRequest();
        }
    }

    private static async Task DeliverAsync(HttpContext context, TransportAction transport, MemoryStream buffer)
    {
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        switch (transport)
        {
            case TransportAction.Drop:
                context.Abort();
                return;

            case TransportAction.DropMidBody:
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body[..(body.Length / 2)]).ConfigureAwait(false);
                await context.Response.Body.FlushAsync().ConfigureAwait(false);

                // The reset discards whatever the client has not read yet, headers included; give the
                // flushed half a moment to arrive so that the failure shows while reading the body.
                await Task.Delay(MidBodyGrace, context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                return;

            default:
                if (context.RequestAborted.IsCancellationRequested)
                {
                    return;
                }

                // 204 and 304 carry no body, nor a Content-Length for one; writing one (even empty) makes the server close
                // the connection without saying so, and the client's next request on it fails.
                if (context.Response.StatusCode is 204 or 304)
                {
                    return;
                }

                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
                return;
        }
    }
}
