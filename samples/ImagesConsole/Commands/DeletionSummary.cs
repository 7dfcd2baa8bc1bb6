using EFCore.DigitalOcean;
using ImagesConsole.Deletion;
using ImagesConsole.Output;
using Spectre.Console;

namespace ImagesConsole.Commands;

/// <summary>How <c>delete</c> and <c>cleanup</c> run a deletion behind a progress bar and report its <see cref="DeletionReport" />.</summary>
internal static class DeletionSummary
{
    /// <summary>Deletes the images in batches, with a progress bar that also says when the provider throttles or retries.</summary>
    public static Task<DeletionReport> DeleteAsync(
        CommandContext context, ImagesContext db, IReadOnlyList<Image> images, CancellationToken cancellationToken)
        => context.Environment.ErrorConsole.Progress().StartAsync(async progress =>
        {
            var doing = $"Deleting {Images(images.Count)}";
            var task = progress.AddTask(ActivityDisplay.Text(doing, context.Activity), maxValue: images.Count);
            var deleting = ImageDeleter.DeleteAsync(db, images, done => task.Increment(done), cancellationToken);
            await ActivityDisplay.WhileRunning(deleting, () => task.Description = ActivityDisplay.Text(doing, context.Activity));
            return await deleting;
        });

    /// <summary>
    ///     Tells on stderr what was deleted, what failed and, after Ctrl+C, what was not done; returns the exit code: a failure
    ///     if anything is left, <see cref="ExitCodes.Cancelled" /> when interrupted.
    /// </summary>
    public static int Report(CommandContext context, DeletionReport report)
    {
        if (report.Cancelled)
        {
            context.Inform(report.Deleted.Count > 0 ? $"Cancelled after deleting {Images(report.Deleted)}." : "Cancelled: nothing was deleted.");
        }
        else if (report.Deleted.Count > 0)
        {
            context.Inform($"Deleted {Images(report.Deleted)}.");
        }

        foreach (var failure in report.Failed)
        {
            context.WriteError($"could not delete image {failure.Image.Id}: {failure.Error}");
        }

        if (report.Interrupted.Count > 0)
        {
            context.Inform($"Not deleted, interrupted before the API confirmed it: {Ids(report.Interrupted)}.");
        }

        if (report.NotStarted.Count > 0)
        {
            context.Inform($"Not deleted, never started: {Ids(report.NotStarted)}.");
        }

        return report.Cancelled ? ExitCodes.Cancelled
            : report.Failed.Count == 0 ? ExitCodes.Success
            : ExitCodes.Failure;
    }

    /// <summary>
    ///     Asks before deleting <paramref name="what" /> (<c>3 images</c>) unless <c>--yes</c> was given: returns
    ///     <see langword="null" /> to go ahead, or the exit code of a refusal (input that is not interactive, or a "no").
    /// </summary>
    public static async Task<int?> ConfirmAsync(CommandContext context, string what, bool yes, CancellationToken cancellationToken)
    {
        if (yes)
        {
            return null;
        }

        if (!context.Environment.IsInteractive)
        {
            return context.Fail(
                $"refusing to delete {what} without confirmation, because the input is not interactive: pass --yes to confirm, "
                + "or --dry-run to only look.");
        }

        return await context.Environment.ErrorConsole.ConfirmAsync($"Delete {what}?", defaultValue: false, cancellationToken)
            ? null
            : context.Fail("cancelled; nothing was deleted.");
    }

    public static IReadOnlyList<long> DeletedIds(DeletionReport report) => [.. report.Deleted.Select(i => i.Id)];

    public static IReadOnlyList<FailureOutput> Failures(DeletionReport report)
        => [.. report.Failed.Select(f => new FailureOutput(f.Image.Id, f.Error))];

    public static string Images(int count) => count == 1 ? "1 image" : $"{count} images";

    /// <summary><c>2 images: 3001, 3002</c>.</summary>
    public static string Images(IReadOnlyList<Image> images) => $"{Images(images.Count)}: {Ids(images)}";

    private static string Ids(IEnumerable<Image> images) => string.Join(", ", images.Select(i => i.Id));
}
