using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Switches a <see cref="DbContext" /> to the DigitalOcean images API.</summary>
public static class DigitalOceanDbContextOptionsExtensions
{
    /// <summary>
    ///     Uses the DigitalOcean API as the context's database. A later call configures further: without a token it keeps the
    ///     token an earlier call gave.
    /// </summary>
    /// <param name="optionsBuilder">The builder being configured.</param>
    /// <param name="accessToken">
    ///     A DigitalOcean personal access token. When <see langword="null" /> (and no earlier call gave one), the provider reads
    ///     <c>DIGITALOCEAN_TOKEN</c>, then <c>DIGITALOCEAN_ACCESS_TOKEN</c>, when it makes its first request.
    /// </param>
    /// <param name="optionsAction">Further provider options.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static DbContextOptionsBuilder UseDigitalOcean(
        this DbContextOptionsBuilder optionsBuilder,
        string? accessToken = null,
        Action<DigitalOceanDbContextOptionsBuilder>? optionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        StartupWarmUp.Start();

        var extension = (optionsBuilder.Options.FindExtension<DigitalOceanOptionsExtension>() ?? new DigitalOceanOptionsExtension())
            .WithAccessToken(accessToken);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);
        RefuseAmbientTransactionsByDefault(optionsBuilder);

        optionsAction?.Invoke(new DigitalOceanDbContextOptionsBuilder(optionsBuilder));
        return optionsBuilder;
    }

    /// <summary>
    ///     Uses the DigitalOcean API as the context's database, with the token from <c>DIGITALOCEAN_TOKEN</c> (then
    ///     <c>DIGITALOCEAN_ACCESS_TOKEN</c>) or from an earlier call.
    /// </summary>
    /// <param name="optionsBuilder">The builder being configured.</param>
    /// <param name="optionsAction">Provider options, such as <c>o =&gt; o.PageSize(50)</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static DbContextOptionsBuilder UseDigitalOcean(
        this DbContextOptionsBuilder optionsBuilder,
        Action<DigitalOceanDbContextOptionsBuilder> optionsAction)
    {
        ArgumentNullException.ThrowIfNull(optionsAction);
        return UseDigitalOcean(optionsBuilder, null, optionsAction);
    }

    /// <inheritdoc cref="UseDigitalOcean(DbContextOptionsBuilder, string?, Action{DigitalOceanDbContextOptionsBuilder}?)" />
    public static DbContextOptionsBuilder<TContext> UseDigitalOcean<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        string? accessToken = null,
        Action<DigitalOceanDbContextOptionsBuilder>? optionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDigitalOcean((DbContextOptionsBuilder)optionsBuilder, accessToken, optionsAction);

    /// <inheritdoc cref="UseDigitalOcean(DbContextOptionsBuilder, Action{DigitalOceanDbContextOptionsBuilder})" />
    public static DbContextOptionsBuilder<TContext> UseDigitalOcean<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        Action<DigitalOceanDbContextOptionsBuilder> optionsAction)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDigitalOcean((DbContextOptionsBuilder)optionsBuilder, optionsAction);

    /// <summary>
    ///     Writes inside a <c>TransactionScope</c> would not be part of it: the API has no transactions. As with
    ///     <c>BeginTransaction()</c>, that is an error, unless the application says otherwise in <c>ConfigureWarnings</c>.
    /// </summary>
    private static void RefuseAmbientTransactionsByDefault(DbContextOptionsBuilder optionsBuilder)
    {
        var coreOptions = optionsBuilder.Options.FindExtension<CoreOptionsExtension>() ?? new CoreOptionsExtension();
        coreOptions = coreOptions.WithWarningsConfiguration(
            coreOptions.WarningsConfiguration.TryWithExplicit(DigitalOceanEventId.AmbientTransactionWarning, WarningBehavior.Throw));
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(coreOptions);
    }
}
