using System.CommandLine;
using System.CommandLine.Parsing;
using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>give</c>: offers a snapshot to another account (by email, who accepts through an emailed link) or gives it to a team
///     (by its UUID; a team that allows it takes it at once). One <c>POST /v2/images/{id}/account_transfer</c>.
/// </summary>
internal sealed class GiveCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The snapshot's image id.", CustomParser = ValueParsers.ImageId };

    private readonly Option<string> _to = new("--to")
    {
        Description = "The recipient: an account's email address, or a team's UUID.",
        HelpName = "email|team-uuid",
        Required = true,
        CustomParser = Recipient,
    };

    public GiveCommand(AppEnvironment environment, GlobalOptions globals)
        : base("give", "Give one of your snapshots to another account or team.", environment, globals)
    {
        Arguments.Add(_id);
        Options.Add(_to);
    }

    protected override string Purpose(CommandContext context) => $"give image {context.Get(_id)} to {context.Get(_to)}";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var id = context.Get(_id);
        var to = context.Get(_to)!;
        var image = await session.Db.Images.Where(i => i.Id == id).FirstOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return context.Fail($"could not {Purpose(context)}: no image has this id");
        }

        var transferId = Guid.TryParse(to, out var team)
            ? await session.Db.Images.StartAccountTransferAsync(image, team, cancellationToken)
            : await session.Db.Images.StartAccountTransferAsync(image, to, cancellationToken);
        if (transferId == 0)
        {
            context.Inform($"Image {id} was given to {to}: it has left this account.");
        }
        else
        {
            context.Inform($"Offered image {id} to {to}: transfer {transferId} waits for the recipient to accept it.");
            context.Environment.Out.WriteLine(transferId);
        }

        return ExitCodes.Success;
    }

    private static string Recipient(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (Guid.TryParse(text, out var team) ? team == Guid.Empty : at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || text.Contains(' ', StringComparison.Ordinal))
        {
            result.AddError($"{ValueParsers.NameOf(result)} takes an email address or a team's UUID, not '{text}'.");
        }

        return text;
    }
}
