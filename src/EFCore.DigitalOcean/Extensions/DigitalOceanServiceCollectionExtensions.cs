using System.ComponentModel;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Infrastructure.Internal;
using EFCore.DigitalOcean.Metadata.Conventions.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Query.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Update.Internal;
using EFCore.DigitalOcean.ValueGeneration.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.ValueGeneration;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the provider's services in EF Core's internal service provider.</summary>
public static class DigitalOceanServiceCollectionExtensions
{
    /// <summary>
    ///     Registers <typeparamref name="TContext" /> with the DigitalOcean provider, as <c>AddDbContext</c> with
    ///     <c>UseDigitalOcean</c> would.
    /// </summary>
    /// <param name="serviceCollection">The application's services.</param>
    /// <param name="accessToken">
    ///     A DigitalOcean personal access token; <see langword="null" /> reads <c>DIGITALOCEAN_TOKEN</c>, then
    ///     <c>DIGITALOCEAN_ACCESS_TOKEN</c>, at the first request.
    /// </param>
    /// <param name="digitalOceanOptionsAction">Provider options, such as <c>o =&gt; o.PageSize(50)</c>.</param>
    /// <param name="optionsAction">Further EF Core options, such as <c>o =&gt; o.LogTo(Console.WriteLine)</c>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddDigitalOcean<TContext>(
        this IServiceCollection serviceCollection,
        string? accessToken,
        Action<DigitalOceanDbContextOptionsBuilder>? digitalOceanOptionsAction = null,
        Action<DbContextOptionsBuilder>? optionsAction = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);
        return serviceCollection.AddDbContext<TContext>(
            (_, options) =>
            {
                optionsAction?.Invoke(options);
                options.UseDigitalOcean(accessToken, digitalOceanOptionsAction);
            });
    }

    /// <summary>
    ///     Adds the services of the DigitalOcean provider. Called by <c>UseDigitalOcean</c>; call it yourself only when you
    ///     build EF's internal service provider yourself.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IServiceCollection AddEntityFrameworkDigitalOcean(this IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);

        new EntityFrameworkServicesBuilder(serviceCollection)
            .TryAdd<LoggingDefinitions, DigitalOceanLoggingDefinitions>()
            .TryAdd<IDatabaseProvider, DatabaseProvider<DigitalOceanOptionsExtension>>()
            .TryAdd<ITypeMappingSource, DigitalOceanTypeMappingSource>()
            .TryAdd<IDatabase, DigitalOceanDatabase>()
            .TryAdd<IDatabaseCreator, DigitalOceanDatabaseCreator>()
            .TryAdd<IDbContextTransactionManager, DigitalOceanTransactionManager>()
            .TryAdd<IQueryContextFactory, DigitalOceanQueryContextFactory>()
            .TryAdd<IQueryCompilationContextFactory, DigitalOceanQueryCompilationContextFactory>()
            .TryAdd<IQueryTranslationPreprocessorFactory, DigitalOceanQueryTranslationPreprocessorFactory>()
            .TryAdd<IQueryableMethodTranslatingExpressionVisitorFactory, DigitalOceanQueryableMethodTranslatingExpressionVisitorFactory>()
            .TryAdd<IShapedQueryCompilingExpressionVisitorFactory, DigitalOceanShapedQueryCompilingExpressionVisitorFactory>()
            .TryAdd<IValueGeneratorSelector, DigitalOceanValueGeneratorSelector>()
            .TryAdd<IModelValidator, DigitalOceanModelValidator>()
            .TryAdd<IProviderConventionSetBuilder, DigitalOceanConventionSetBuilder>()
            .TryAddProviderSpecificServices(b => b
                .TryAddSingleton<ApiResourceTable, ApiResourceTable>()
                .TryAddSingleton<DigitalOceanHttpPipeline, DigitalOceanHttpPipeline>()
                .TryAddSingleton<RateLimitRegistry, RateLimitRegistry>()
                .TryAddSingleton<RequestPacerRegistry, RequestPacerRegistry>()
                .TryAddScoped<DigitalOceanClient, DigitalOceanClient>()
                .TryAddScoped<DigitalOceanUpdatePipeline, DigitalOceanUpdatePipeline>()
                .TryAddScoped<StartedActions, StartedActions>())
            .TryAddCoreServices();

        return serviceCollection;
    }
}
