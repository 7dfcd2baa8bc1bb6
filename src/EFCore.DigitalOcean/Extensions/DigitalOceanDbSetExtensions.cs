using EFCore.DigitalOcean;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Infrastructure.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Update.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Operations on <see cref="DbSet{Image}" /> that the API's asynchronous image import needs.</summary>
public static class DigitalOceanDbSetExtensions
{
    /// <summary>
    ///     Waits for everything this context started on the image, then refreshes it from the server: its import (one
    ///     <c>GET /v2/images/{id}</c> a poll until its status is <c>available</c>) and the actions a SaveChanges started on it
    ///     (transfers, a convert: one <c>GET /v2/images/{id}/actions/{action}</c> each a poll until it completes). The interval
    ///     grows to about a minute; a 404 just after an action was started means "not yet". It ends with one GET of the image.
    /// </summary>
    /// <param name="images">The set the image belongs to.</param>
    /// <param name="image">A saved image; it is attached if it is not tracked.</param>
    /// <param name="timeout">How long to wait at most (default 30 minutes).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="DigitalOceanImportFailedException">
    ///     The import failed: <see cref="DigitalOceanImportFailedException.ErrorMessage" /> is the API's <c>error_message</c>.
    /// </exception>
    /// <exception cref="DigitalOceanImageNotFoundException">The image no longer exists (someone deleted it).</exception>
    /// <exception cref="DigitalOceanActionFailedException">An action ended as <c>errored</c>; it carries its type, region and status.</exception>
    /// <exception cref="TimeoutException">The timeout passed; the message says the last status seen and what was still in progress.</exception>
    public static async Task WaitUntilAvailableAsync(
        this DbSet<Image> images,
        Image image,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(image);
        if (image.Id <= 0)
        {
            throw new InvalidOperationException(DigitalOceanStrings.ImageNotSaved);
        }

        using var operation = images.GetService<DigitalOceanClient>()
            .StartOperation(DigitalOceanOperationNames.WaitUntilAvailable, images.GetService<ApiResourceTable>().Find(typeof(Image)));
        using var _ = DigitalOceanOperation.Enter(operation);
        operation?.CountItems(1);
        try
        {
            await PollAsync(images, image, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            operation?.Fail(exception);
            throw;
        }
    }

    private static async Task PollAsync(DbSet<Image> images, Image image, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var entry = images.Entry(image);
        if (entry.State == EntityState.Detached)
        {
            entry.State = EntityState.Unchanged;
        }

        var clock = images.GetService<IDbContextOptions>().FindExtension<DigitalOceanOptionsExtension>()!.TimeProvider;
        await ImageWaiter.WaitAsync(
                entry,
                images.GetService<ApiResourceTable>().Get(images.EntityType),
                images.GetService<DigitalOceanClient>(),
                images.GetService<StartedActions>(),
                clock,
                timeout ?? TimeSpan.FromMinutes(30),
                cancellationToken)
            .ConfigureAwait(false);
    }
}
