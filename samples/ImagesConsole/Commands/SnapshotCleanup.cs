using EFCore.DigitalOcean;
using ImagesConsole.Deletion;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>cleanup --per-source --keep-newest N</c>: one listing of <c>/v2/snapshots</c>, the newest N of each Droplet or volume
///     kept, the rest deleted with one <c>DELETE /v2/snapshots/{id}</c> each, in one SaveChanges; dry run and confirmation
///     as <c>cleanup</c> has them.
/// </summary>
internal static class SnapshotCleanup
{
    public static async Task<int> RunAsync(
        CommandContext context, DateTimeOffset? cutoff, int keepNewest, bool dryRun, bool yes, bool header, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var snapshots = await session.Db.Snapshots.OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        var plan = SnapshotCleanupPlan.Make(snapshots, cutoff, keepNewest);
        TellKeptAndSkipped(context, plan, keepNewest);
        var candidates = plan.Candidates;
        if (candidates.Count == 0)
        {
            context.Inform("Nothing to clean up: every source has at most the snapshots it keeps.");
            return Finish(context, plan, deleted: [], dryRun);
        }

        if (!context.Json)
        {
            TableWriter.Write(context.Environment, [.. SnapshotColumns.All.Where(c => c.ShownByDefault)], candidates, header);
        }

        if (dryRun)
        {
            context.Inform($"Dry run: {Snapshots(candidates.Count)} would be deleted; nothing was.");
            return Finish(context, plan, deleted: [], dryRun: true);
        }

        if (await DeletionSummary.ConfirmAsync(context, Snapshots(candidates.Count), yes, cancellationToken) is { } refused)
        {
            return refused;
        }

        session.Db.Snapshots.RemoveRange(candidates);
        Exception? failure = null;
        try
        {
            await context.Environment.ErrorConsole.Progress().StartAsync(async progress =>
            {
                var doing = $"Deleting {Snapshots(candidates.Count)}";
                var task = progress.AddTask(ActivityDisplay.Text(doing, context.Activity), maxValue: 1);
                await ActivityDisplay.WhileRunning(
                    session.Db.SaveChangesAsync(cancellationToken), () => task.Description = ActivityDisplay.Text(doing, context.Activity));
                task.Increment(1);
            });
        }
        catch (DbUpdateException exception)
        {
            failure = exception;
        }

        // The tracker says what the server holds: a deleted snapshot is detached, a refused one is still Deleted.
        var deleted = candidates.Where(s => session.Db.Entry(s).State == EntityState.Detached).ToList();
        var failed = candidates.Except(deleted).ToList();
        if (deleted.Count > 0)
        {
            context.Inform($"Deleted {Snapshots(deleted.Count)}: {Ids(deleted)}.");
        }

        Finish(context, plan, deleted, dryRun: false);
        return failure is null
            ? ExitCodes.Success
            : context.Fail($"could not delete {Snapshots(failed.Count)} ({Ids(failed)})", failure);
    }

    private static void TellKeptAndSkipped(CommandContext context, SnapshotCleanupPlan plan, int keepNewest)
    {
        var perSource = plan.Sources.Select(source => $"{source.Type} {source.Id} ({source.Kept.Count})");
        context.Inform(
            $"Kept the newest {keepNewest} of each source (--keep-newest {keepNewest}): {Snapshots(plan.Kept.Count)} of "
            + (plan.Sources.Count == 1 ? "1 source" : $"{plan.Sources.Count} sources")
            + (plan.Sources.Count > 0 ? $": {string.Join(", ", perSource)}." : "."));
        if (plan.Skipped.Count > 0)
        {
            context.Inform($"Skipped {Snapshots(plan.Skipped.Count)} whose source the API does not say: {Ids(plan.Skipped)}.");
        }
    }

    private static int Finish(CommandContext context, SnapshotCleanupPlan plan, IReadOnlyList<Snapshot> deleted, bool dryRun)
    {
        if (context.Json)
        {
            context.WriteJson(
                new SnapshotCleanupOutput(
                    dryRun,
                    [.. plan.Candidates.Select(SnapshotOutput.From)],
                    [.. deleted.Select(s => s.Id)],
                    [.. plan.Kept.Select(s => s.Id)],
                    [.. plan.Skipped.Select(s => s.Id)]),
                OutputJson.Context.SnapshotCleanupOutput);
        }

        return ExitCodes.Success;
    }

    private static string Snapshots(int count) => count == 1 ? "1 snapshot" : $"{count} snapshots";

    private static string Ids(IEnumerable<Snapshot> snapshots) => string.Join(", ", snapshots.Select(s => s.Id));
}
