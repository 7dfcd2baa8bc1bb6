using System.CommandLine;
using EFCore.DigitalOcean;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary><c>snapshots</c>: the account's Droplet and volume snapshots (<c>/v2/snapshots</c>), newest first.</summary>
internal sealed class SnapshotsCommand : ImagesCommand
{
    private readonly Option<bool> _droplet = new("--droplet") { Description = "Only snapshots of Droplets." };
    private readonly Option<bool> _volume = new("--volume") { Description = "Only snapshots of volumes." };
    private readonly TableOptions<Snapshot> _table = new(SnapshotColumns.All);

    public SnapshotsCommand(AppEnvironment environment, GlobalOptions globals)
        : base("snapshots", "List your Droplet and volume snapshots, newest first.", environment, globals)
    {
        Options.Add(_droplet);
        Options.Add(_volume);
        _table.AddTo(this);
        Validators.Add(result =>
        {
            if (result.GetValue(_droplet) && result.GetValue(_volume))
            {
                result.AddError("Use at most one of --droplet and --volume: the API lists one resource type at a time.");
            }
        });
    }

    protected override string Purpose(CommandContext context) => "list snapshots";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();

        // The resource type is the API's resource_type parameter: one listing of only those snapshots.
        IQueryable<Snapshot> snapshots = session.Db.Snapshots;
        if (context.Get(_droplet))
        {
            snapshots = snapshots.Where(s => s.ResourceType == SnapshotResourceTypes.Droplet);
        }
        else if (context.Get(_volume))
        {
            snapshots = snapshots.Where(s => s.ResourceType == SnapshotResourceTypes.Volume);
        }

        var list = await snapshots.OrderByDescending(s => s.CreatedAt).AsNoTracking().ToListAsync(cancellationToken);
        _table.WriteRows(context, list, SnapshotOutput.From, OutputJson.Context.IReadOnlyListSnapshotOutput);

        return ExitCodes.Success;
    }
}
