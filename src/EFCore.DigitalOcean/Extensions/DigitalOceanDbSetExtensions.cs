using EFCore.DigitalOcean;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Infrastructure.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Operations on <see cref="DbSet{Image}" /> that the API's asynchronous image import needs.</summary>
public static class DigitalOceanDbSetExtensions
{
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    ///     Polls the image (one <c>GET /v2/images/{id}</c> each time, at a growing interval) until its status is
    ///     <c>available</c>, updating the tracked entity as it goes.
    /// </summary>
    /// <param name="images">The set the image belongs to.</param>
    /// <param name="image">A saved image; it is attached if it is not tracked.</param>
    /// <param name="timeout">How long to wait at most (default 30 minutes).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="DigitalOceanImportFailedException">
    ///     The import failed: <see cref="DigitalOceanImportFailedException.ErrorMessage" /> is the API's <c>error_message</c>.
    /// </exception>
    /// <exception cref="DigitalOceanImageNotFoundException">The image no longer exists (someone deleted it).</exception>
    /// <exception cref="TimeoutException">The timeout passed; the message says the last status seen.</exception>
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
        var deadline = clock.GetUtcNow() + (timeout ?? TimeSpan.FromMinutes(30));
        var interval = FirstPollInterval;
        while (true)
        {
            await entry.ReloadAsync(cancellationToken).ConfigureAwait(false);
            if (entry.State == EntityState.Detached)
            {
                throw new DigitalOceanImageNotFoundException(image.Id);
            }

            switch (image.Status)
            {
                case ImageStatuses.Available:
                    return;
                case ImageStatuses.Deleted:
                    throw new DigitalOceanImportFailedException(image.Id, image.Name, image.ErrorMessage);
            }

            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException(DigitalOceanStrings.ImageNotAvailableInTime(image.Id, image.Name, image.Status));
            }

            await Task.Delay(interval < remaining ? interval : remaining, clock, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
        }
    }
}
