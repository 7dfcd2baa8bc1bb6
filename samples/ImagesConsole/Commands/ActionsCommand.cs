using EFCore.DigitalOcean;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;
using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary><c>actions</c>: an image's action history (transfers, converts), one listing of <c>/v2/images/{id}/actions</c>.</summary>
internal sealed class ActionsCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The image id.", CustomParser = ValueParsers.ImageId };
    private readonly TableOptions<ImageAction> _table = new(ActionColumns.All);

    public ActionsCommand(AppEnvironment environment, GlobalOptions globals)
        : base("actions", "List an image's actions: transfers to other regions and conversions.", environment, globals)
    {
        Arguments.Add(_id);
        _table.AddTo(this);
    }

    protected override string Purpose(CommandContext context) => $"list the actions of image {context.Get(_id)}";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var id = context.Get(_id);
        var actions = await session.Db.ImageActions.Where(a => a.ImageId == id).AsNoTracking().ToListAsync(cancellationToken);
        _table.WriteRows(context, actions, ActionOutput.From, OutputJson.Context.IReadOnlyListActionOutput);

        return ExitCodes.Success;
    }
}
