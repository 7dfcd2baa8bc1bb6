using System.CommandLine;
using EFCore.DigitalOcean;
using ImagesConsole.Deletion;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>cleanup</c>: deletes your own images older than an age, keeping the newest few. It lists only your own images
///     (<c>PrivateOnly()</c>), and never offers what the API would refuse to delete (<see cref="CleanupPlan" />).
/// </summary>
internal sealed class CleanupCommand : ImagesCommand
{
    private readonly Option<TimeSpan?> _olderThan = DurationArgument.Optional(
        "--older-than", "Delete images (or with --per-source, snapshots) created longer ago than this; required without --per-source.");
    private readonly Option<string?> _type = TypeOption.Create("Only images of this type.");
    private readonly Option<string?> _tag = new("--tag") { Description = "Only images with this tag.", HelpName = "tag" };

    private readonly Option<int> _keepNewest = new("--keep-newest")
    {
        Description = "Never delete the newest N matching images (of the given type and tag), however old.",
        HelpName = "n",
        CustomParser = ValueParsers.Count(minimum: 0),
    };

    private readonly Option<bool> _perSource = new("--per-source")
    {
        Description = "Clean up Droplet and volume snapshots (/v2/snapshots) instead: keep the newest --keep-newest N of each "
            + "Droplet or volume, delete the rest.",
    };

    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Show what would be deleted, and delete nothing." };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Delete without asking for confirmation." };
    private readonly TableOptions<Image> _table = new(ImageColumns.All);

    public CleanupCommand(AppEnvironment environment, GlobalOptions globals)
        : base("cleanup", "Delete your own images older than an age.", environment, globals)
    {
        Options.Add(_olderThan);
        Options.Add(_type);
        Options.Add(_tag);
        Options.Add(_keepNewest);
        Options.Add(_perSource);
        Options.Add(_dryRun);
        Options.Add(_yes);
        _table.AddTo(this);
        Validators.Add(result =>
        {
            if (!result.GetValue(_perSource))
            {
                if (result.GetResult(_olderThan) is null)
                {
                    result.AddError("Option '--older-than' is required (or --per-source, to keep the newest snapshots of each source).");
                }

                return;
            }

            if (result.GetValue(_keepNewest) < 1)
            {
                result.AddError("--per-source needs --keep-newest N (at least 1): how many snapshots of each Droplet or volume to keep.");
            }

            if (result.GetResult(_type) is not null || result.GetResult(_tag) is not null || result.GetResult(_table.Format) is not null)
            {
                result.AddError("--type, --tag and --format apply to images; --per-source cleans up snapshots, and takes none of them.");
            }
        });
    }

    protected override string Purpose(CommandContext context) => "clean up images";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var keepNewest = context.Get(_keepNewest);
        if (context.Get(_perSource))
        {
            return await SnapshotCleanup.RunAsync(
                context, DateTimeOffset.UtcNow - context.Get(_olderThan), keepNewest, context.Get(_dryRun), context.Get(_yes),
                header: !context.Get(_table.NoHeader), cancellationToken);
        }

        await using var session = context.OpenSession();
        var plan = CleanupPlan.Make(
            await Matching(context, session.Db.Images).ToListAsync(cancellationToken), DateTimeOffset.UtcNow - context.Get(_olderThan)!.Value,
            keepNewest);
        TellKeptAndSkipped(context, plan, keepNewest);
        var candidates = plan.Candidates;
        if (candidates.Count == 0)
        {
            context.Inform("Nothing to clean up: no image matches.");
            return Finish(context, plan, DeletionReport.Empty, dryRun: context.Get(_dryRun));
        }

        if (!context.Json)
        {
            _table.Write(context, candidates);
        }

        if (context.Get(_dryRun))
        {
            context.Inform($"Dry run: {DeletionSummary.Images(candidates.Count)} would be deleted; nothing was.");
            return Finish(context, plan, DeletionReport.Empty, dryRun: true);
        }

        if (await DeletionSummary.ConfirmAsync(context, DeletionSummary.Images(candidates.Count), context.Get(_yes), cancellationToken) is { } refused)
        {
            return refused;
        }

        var report = await DeletionSummary.DeleteAsync(context, session.Db, candidates, cancellationToken);
        return Finish(context, plan, report, dryRun: false);
    }

    /// <summary>
    ///     One query: your own images (<c>private=true</c>) of the type and tag, newest first. Tracked, because the candidates
    ///     are removed afterwards.
    /// </summary>
    private IQueryable<Image> Matching(CommandContext context, IQueryable<Image> images)
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

        return images.OrderByDescending(i => i.CreatedAt);
    }

    private static void TellKeptAndSkipped(CommandContext context, CleanupPlan plan, int keepNewest)
    {
        if (keepNewest > 0)
        {
            context.Inform(
                $"Kept the newest {DeletionSummary.Images(plan.Kept.Count)} (--keep-newest {keepNewest})"
                + (plan.Kept.Count > 0 ? $": {string.Join(", ", plan.Kept.Select(i => i.Id))}." : "."));
        }

        if (plan.Skipped.Count > 0)
        {
            var reasons = plan.Skipped.GroupBy(s => s.Reason).Select(g => $"{string.Join(", ", g.Select(s => s.Image.Id))} ({g.Key})");
            context.Inform(
                $"Skipped {DeletionSummary.Images(plan.Skipped.Count)} that cannot be deleted: {string.Join("; ", reasons)}.");
        }
    }

    private static int Finish(CommandContext context, CleanupPlan plan, DeletionReport report, bool dryRun)
    {
        if (context.Json)
        {
            context.WriteJson(
                new CleanupOutput(
                    dryRun,
                    [.. plan.Candidates.Select(ImageOutput.From)],
                    DeletionSummary.DeletedIds(report),
                    DeletionSummary.Failures(report),
                    [.. plan.Kept.Select(i => i.Id)],
                    [.. plan.Skipped.Select(s => new SkippedOutput(s.Image.Id, s.Reason))]),
                OutputJson.Context.CleanupOutput);
        }

        return DeletionSummary.Report(context, report);
    }
}
