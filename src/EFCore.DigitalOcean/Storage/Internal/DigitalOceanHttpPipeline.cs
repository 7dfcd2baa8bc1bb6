using EFCore.DigitalOcean.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Supplies the message handler every context's client sends through. The handlers come from
///     <see cref="IHttpMessageHandlerFactory" />: the application's, when it has one (so users add their own handlers with
///     <c>AddHttpClient(DigitalOceanDbContextOptionsBuilder.HttpClientName)</c>), otherwise the one in EF's internal service
///     provider, which every context shares; either way connections are pooled, never opened anew per context.
/// </summary>
internal sealed class DigitalOceanHttpPipeline(IHttpMessageHandlerFactory ownFactory)
{
    public HttpMessageHandler CreateHandler(IDbContextOptions options)
    {
        var applicationServices = options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var factory = applicationServices?.GetService<IHttpMessageHandlerFactory>() ?? ownFactory;
        return factory.CreateHandler(DigitalOceanDbContextOptionsBuilder.HttpClientName);
    }
}
