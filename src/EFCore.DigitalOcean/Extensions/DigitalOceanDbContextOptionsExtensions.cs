using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Switches a <see cref="DbContext" /> to the DigitalOcean images API.</summary>
public static class DigitalOceanDbContextOptionsExtensions
{
    /// <summary>
    ///     Uses the DigitalOcean API as the context's database.
    /// </summary>
    /// <param name="optionsBuilder">The builder being configured.</param>
    /// <param name="accessToken">
    ///     A DigitalOcean personal access token. When <see langword="null" />, the provider reads <c>DIGITALOCEAN_TOKEN</c>, then
    ///     <c>DIGITALOCEAN_ACCESS_TOKEN</c>, when it makes its first request.
    /// </param>
    /// <param name="optionsAction">Further provider options.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static DbContextOptionsBuilder UseDigitalOcean(
        this DbContextOptionsBuilder optionsBuilder,
        string? accessToken = null,
        Action<DigitalOceanDbContextOptionsBuilder>? optionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        var extension = (optionsBuilder.Options.FindExtension<DigitalOceanOptionsExtension>() ?? new DigitalOceanOptionsExtension())
            .WithAccessToken(accessToken);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);

        optionsAction?.Invoke(new DigitalOceanDbContextOptionsBuilder(optionsBuilder));
        return optionsBuilder;
    }

    /// <inheritdoc cref="UseDigitalOcean(DbContextOptionsBuilder, string?, Action{DigitalOceanDbContextOptionsBuilder}?)" />
    public static DbContextOptionsBuilder<TContext> UseDigitalOcean<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        string? accessToken = null,
        Action<DigitalOceanDbContextOptionsBuilder>? optionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDigitalOcean((DbContextOptionsBuilder)optionsBuilder, accessToken, optionsAction);
}
