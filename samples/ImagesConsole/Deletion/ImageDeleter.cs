using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ImagesConsole.Deletion;

/// <summary>
///     Deletes images in batches of Remove + SaveChanges, so that a caller can show progress between batches, and a batch
///     that partly fails costs only its failed entries: the provider sends every DELETE of the batch, accepts those that
///     succeeded, and throws a <see cref="DbUpdateException" /> listing the entries that did not.
/// </summary>
internal static class ImageDeleter
{
    // The provider's default number of concurrent requests: one batch is one round of parallel DELETEs.
    private const int BatchSize = 5;

    /// <param name="db">The context; the images are tracked (loaded) or become tracked (stubs with only an id).</param>
    /// <param name="images">The images to delete.</param>
    /// <param name="batchDone">Told how many images each finished batch held.</param>
    /// <param name="cancellationToken">
    ///     Stops the batch in flight; the report then says which images are gone (the change tracker detaches each one the API
    ///     confirmed), which were interrupted, and which were never started.
    /// </param>
    public static async Task<DeletionReport> DeleteAsync(
        ImagesContext db, IReadOnlyList<Image> images, Action<int> batchDone, CancellationToken cancellationToken)
    {
        var deleted = new List<Image>();
        var failed = new List<DeletionFailure>();
        var batches = images.Chunk(BatchSize).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            if (cancellationToken.IsCancellationRequested)
            {
                return Stopped(interrupted: [], notStarted: b);
            }

            db.Images.RemoveRange(batch);
            IReadOnlyList<DeletionFailure> batchFailures;
            try
            {
                batchFailures = await SaveAsync(db, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                var gone = batch.Where(image => db.Entry(image).State == EntityState.Detached).ToList();
                deleted.AddRange(gone);
                return Stopped(interrupted: [.. batch.Except(gone)], notStarted: b + 1);
            }

            failed.AddRange(batchFailures);
            deleted.AddRange(batch.Where(image => !batchFailures.Any(f => f.Image == image)));
            batchDone(batch.Length);
        }

        return new DeletionReport(deleted, failed);

        DeletionReport Stopped(IReadOnlyList<Image> interrupted, int notStarted) => new(deleted, failed)
        {
            Cancelled = true,
            Interrupted = interrupted,
            NotStarted = [.. batches.Skip(notStarted).SelectMany(rest => rest)],
        };
    }

    private static async Task<IReadOnlyList<DeletionFailure>> SaveAsync(ImagesContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateException exception)
        {
            var failures = Failures(exception);

            // A failed entry stays Deleted in the change tracker; the next batch's SaveChanges would send it again.
            foreach (var entry in exception.Entries)
            {
                entry.State = EntityState.Detached;
            }

            return failures;
        }
    }

    /// <summary>
    ///     Pairs each failed entry with its error. The provider gives the errors in the order of the entries, one inner
    ///     exception (or an <see cref="AggregateException" /> of them) per entry; without that match, every entry gets the
    ///     exception's message, which lists them all.
    /// </summary>
    private static List<DeletionFailure> Failures(DbUpdateException exception)
    {
        IReadOnlyList<Exception> errors = exception.InnerException switch
        {
            AggregateException aggregate => aggregate.InnerExceptions,
            { } single => [single],
            null => [],
        };
        var matched = errors.Count == exception.Entries.Count;
        return
        [
            .. exception.Entries.Select((EntityEntry entry, int index)
                => new DeletionFailure((Image)entry.Entity, matched ? errors[index].Message : exception.Message)),
        ];
    }
}
