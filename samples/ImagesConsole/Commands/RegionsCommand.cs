using EFCore.DigitalOcean;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary><c>regions</c>: the regions, whether each is available and whether it can receive an image (<c>transfer</c>).</summary>
internal sealed class RegionsCommand : ImagesCommand
{
    private readonly TableOptions<Region> _table = new(RegionColumns.All);

    public RegionsCommand(AppEnvironment environment, GlobalOptions globals)
        : base("regions", "List the regions and whether each can receive an image transfer.", environment, globals)
        => _table.AddTo(this);

    protected override string Purpose(CommandContext context) => "list regions";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var regions = await session.Db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        _table.WriteRows(context, regions, RegionOutput.From, OutputJson.Context.IReadOnlyListRegionOutput);

        return ExitCodes.Success;
    }
}
