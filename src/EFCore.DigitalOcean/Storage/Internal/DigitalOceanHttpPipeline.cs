using System.Collections.Concurrent;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Builds the one handler pipeline every request goes through: retries (<see cref="RetryPolicy" />), then rate-limit
///     spacing (<see cref="RateLimitThrottleHandler" />, so that each attempt is spaced), then the time limit of one attempt,
///     then the connection handler from
///     <see cref="IHttpMessageHandlerFactory" />: the application's when it configures the provider's named client (so users
///     add their own handlers with <c>AddHttpClient(DigitalOceanDbContextOptionsBuilder.HttpClientName)</c>), else the one in
///     EF's internal service provider, whose connections never follow redirects. Either way connections are pooled and
///     shared by all contexts, never opened anew per context.
/// </summary>
internal sealed class DigitalOceanHttpPipeline(IHttpMessageHandlerFactory ownFactory, RateLimitRegistry rateLimits)
{
    private readonly ConcurrentDictionary<(int, TimeSpan, TimeSpan, TimeProvider), Policies> _policies = new();

    public HttpMessageHandler CreateHandler(IDbContextOptions options, IDiagnosticsLogger<DbLoggerCategory.Database.Command> logger)
    {
        var extension = options.FindExtension<DigitalOceanOptionsExtension>()!;
        var factory = ApplicationFactory(options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider) ?? ownFactory;
        var policy = _policies.GetOrAdd(
            (extension.MaxRetries, extension.RetryDelay, extension.RequestTimeout, extension.TimeProvider),
            static (_, e) => new Policies(RetryPolicy.CreateRetry(e), RetryPolicy.CreateAttemptTimeout(e)),
            extension);

        return new ResilienceHandler(policy.Retry)
        {
            InnerHandler = new RateLimitThrottleHandler(rateLimits, extension.TimeProvider, logger)
            {
                InnerHandler = new ResilienceHandler(policy.AttemptTimeout)
                {
                    InnerHandler = factory.CreateHandler(DigitalOceanDbContextOptionsBuilder.HttpClientName)
                }
            }
        };
    }

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

    private sealed record Policies(
        ResiliencePipeline<HttpResponseMessage> Retry,
        ResiliencePipeline<HttpResponseMessage> AttemptTimeout);
}
