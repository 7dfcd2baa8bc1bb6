using System.Collections.Concurrent;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Builds the one handler pipeline every request goes through: retries (<see cref="RetryPolicy" />), then rate-limit
///     spacing (<see cref="RateLimitThrottleHandler" />, so that each attempt is spaced), then the burst pacing
///     (<see cref="RequestPacingHandler" />, so that each attempt takes a permit), then the attempt's metrics
///     (<see cref="AttemptTelemetryHandler" />), then the time limit of one attempt, which covers reading the whole body
///     (<see cref="ResponseBufferingHandler" />), then the connections. Those come from the
///     application's <see cref="IHttpMessageHandlerFactory" /> when it configures
///     the provider's named client (so users add their own handlers with
///     <c>AddHttpClient(DigitalOceanDbContextOptionsBuilder.HttpClientName)</c>); otherwise from one connection pool that never
///     follows redirects, shared with one <see cref="HttpClient" /> per set of options by every context of EF's internal
///     service provider, so a new context costs no new client and no new sockets.
/// </summary>
internal sealed class DigitalOceanHttpPipeline(RateLimitRegistry rateLimits) : IDisposable
{
    private readonly SocketsHttpHandler _connections = new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5)
    };

    private readonly ConcurrentDictionary<PipelineKey, HttpClient> _sharedClients = new();

    /// <summary>The client a context sends through; <c>Owned</c> says whether the context must dispose it.</summary>
    public (HttpClient Client, bool Owned) CreateClient(IDbContextOptions options)
    {
        var extension = options.FindExtension<DigitalOceanOptionsExtension>()!;
        if (ApplicationFactory(options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider) is { } factory)
        {
            // The factory rotates its handlers, so a client made from one lives only as long as the context.
            return (NewClient(extension, factory.CreateHandler(DigitalOceanDbContextOptionsBuilder.HttpClientName)), true);
        }

        return (_sharedClients.GetOrAdd(new PipelineKey(extension), (_, e) => NewClient(e, _connections), extension), false);
    }

    private HttpClient NewClient(DigitalOceanOptionsExtension options, HttpMessageHandler connections)
        => new(
            new ResilienceHandler(RetryPolicy.CreateRetry(options))
            {
                InnerHandler = new RateLimitThrottleHandler(rateLimits, options.TimeProvider)
                {
                    InnerHandler = new RequestPacingHandler(options.TimeProvider)
                    {
                        InnerHandler = new AttemptTelemetryHandler
                        {
                            InnerHandler = new ResilienceHandler(RetryPolicy.CreateAttemptTimeout(options))
                            {
                                InnerHandler = new ResponseBufferingHandler { InnerHandler = connections }
                            }
                        }
                    }
                }
            },
            disposeHandler: false)
        {
            BaseAddress = options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan
        };

    /// <summary>
    ///     The application's handler factory, when the application configured the provider's named client. An unconfigured
    ///     name would get the application's default handler, which follows redirects; the provider's own does not.
    /// </summary>
    private static IHttpMessageHandlerFactory? ApplicationFactory(IServiceProvider? applicationServices)
    {
        var clientOptions = applicationServices?.GetService<IOptionsMonitor<HttpClientFactoryOptions>>()
            ?.Get(DigitalOceanDbContextOptionsBuilder.HttpClientName);
        return clientOptions is { HttpMessageHandlerBuilderActions.Count: > 0 } or { HttpClientActions.Count: > 0 }
            ? applicationServices!.GetService<IHttpMessageHandlerFactory>()
            : null;
    }

    public void Dispose()
    {
        foreach (var client in _sharedClients.Values)
        {
            client.Dispose();
        }

        _connections.Dispose();
    }

    /// <summary>
    ///     The options a client is built from; the token is not among them (each request carries its own). A class: the
    ///     dictionary's code for reference-type keys is ReadyToRun in the framework, for a struct key it is JIT-compiled at start-up.
    /// </summary>
    private sealed record PipelineKey(Uri BaseAddress, int MaxRetries, TimeSpan RetryDelay, TimeSpan RequestTimeout, TimeProvider TimeProvider)
    {
        public PipelineKey(DigitalOceanOptionsExtension options)
            : this(options.BaseAddress, options.MaxRetries, options.RetryDelay, options.RequestTimeout, options.TimeProvider)
        {
        }
    }
}
