using System.CommandLine;
using EFCore.DigitalOcean;
using ImagesConsole.Deletion;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>cleanup</c>: deletes your own images older than an age, keeping the newest few. It lists only your own images
///     (<c>PrivateOnly()</c>), so a public image can never be a candidate.
/// </summary>
internal sealed class CleanupCommand : ImagesCommand
{
    private readonly Option<TimeSpan> _olderThan = DurationArgument.Required("--older-than", "Delete images created longer ago than this.");
    private readonly Option<string?> _type = TypeOption.Create("Only images of this type.");
    private readonly Option<string?> _tag = new("--tag") { Description = "Only images with this tag.", HelpName = "tag" };

    private readonly Option<int> _keepNewest = new("--keep-newest")
    {
        Description = "Never delete the newest N matching images (of the given type and tag), however old.",
        HelpName = "n",
    };

    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Show what would be deleted, and delete nothing." };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Delete without asking for confirmation." };

    public CleanupCommand(AppEnvironment environment, GlobalOptions globals)
        : base("cleanup", "Delete your own images older than an age.", environment, globals)
    {
        Options.Add(_olderThan);
        Options.Add(_type);
        Options.Add(_tag);
        Options.Add(_keepNewest);
        Options.Add(_dryRun);
        Options.Add(_yes);
        _keepNewest.Validators.Add(result =>
        {
            if (result.GetValue(_keepNewest) < 0)
            {
                result.AddError("--keep-newest cannot be negative.");
            }
        });
    }

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var candidates = await Candidates(context, session.Db.Images).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            context.Inform("Nothing to clean up: no image matches.");
            return Finish(context, candidates, new DeletionReport([], []), dryRun: context.Get(_dryRun));
        }

        if (!context.Json)
        {
            context.Environment.OutConsole.Write(ImageViews.List(candidates));
        }

        if (context.Get(_dryRun))
        {
            context.Inform($"Dry run: {DeletionSummary.Images(candidates.Count)} would be deleted; nothing was.");
            return Finish(context, candidates, new DeletionReport([], []), dryRun: true);
        }

        if (!context.Get(_yes))
        {
            if (!context.Environment.IsInteractive)
            {
                return context.Fail(
                    $"refusing to delete {DeletionSummary.Images(candidates.Count)} without confirmation, because the input is not "
                    + "interactive: pass --yes to confirm, or --dry-run to only look.");
            }

            var question = $"Delete {DeletionSummary.Images(candidates.Count)}?";
            if (!await context.Environment.ErrorConsole.ConfirmAsync(question, defaultValue: false, cancellationToken))
            {
                return context.Fail("cancelled; nothing was deleted.");
            }
        }

        var report = await context.Environment.ErrorConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"Deleting {DeletionSummary.Images(candidates.Count)}", maxValue: candidates.Count);
            return await ImageDeleter.DeleteAsync(session.Db, candidates, done => task.Increment(done), cancellationToken);
        });
        return Finish(context, candidates, report, dryRun: false);
    }

    /// <summary>
    ///     One query: your own images (<c>private=true</c>) of the type and tag, newest first; the newest N are skipped, and of
    ///     the rest those older than the cutoff are the candidates. Tracked, because they are removed afterwards.
    /// </summary>
    private IQueryable<Image> Candidates(CommandContext context, IQueryable<Image> images)
    {
        images = images.PrivateOnly();
        if (context.Get(_type) is { } type)
        {
            images = images.Where(i => i.Type == type);
        }

        if (context.Get(_tag) is { } tag)
        {
            images = images.Where(i => i.Tags.Contains(tag));
        }

        var cutoff = DateTimeOffset.UtcNow - context.Get(_olderThan);
        return images
            .OrderByDescending(i => i.CreatedAt)
            .Skip(context.Get(_keepNewest))
            .Where(i => i.CreatedAt < cutoff);
    }

    private static int Finish(CommandContext context, IReadOnlyList<Image> candidates, DeletionReport report, bool dryRun)
    {
        if (context.Json)
        {
            context.WriteJson(
                new CleanupOutput(
                    dryRun, [.. candidates.Select(ImageOutput.From)], DeletionSummary.DeletedIds(report), DeletionSummary.Failures(report)),
                OutputJson.Context.CleanupOutput);
        }

        return DeletionSummary.Report(context, report);
    }
}
