using System.ComponentModel;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Infrastructure.Internal;
using EFCore.DigitalOcean.Metadata.Conventions.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Query.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Update.Internal;
using EFCore.DigitalOcean.ValueGeneration.Internal;
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
                .TryAddScoped<DigitalOceanClient, DigitalOceanClient>()
                .TryAddScoped<DigitalOceanUpdatePipeline, DigitalOceanUpdatePipeline>())
            .TryAddCoreServices();

        return serviceCollection;
    }
}
