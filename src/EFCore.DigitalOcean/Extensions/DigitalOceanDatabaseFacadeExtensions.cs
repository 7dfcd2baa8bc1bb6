using EFCore.DigitalOcean.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>DigitalOcean-specific members of <see cref="DbContext.Database" />.</summary>
public static class DigitalOceanDatabaseFacadeExtensions
{
    /// <summary>Whether the context uses the DigitalOcean provider.</summary>
    public static bool IsDigitalOcean(this DatabaseFacade database)
        => database.ProviderName == typeof(DigitalOceanOptionsExtension).Assembly.GetName().Name;
}
