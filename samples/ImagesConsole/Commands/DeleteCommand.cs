using System.CommandLine;
using EFCore.DigitalOcean;
using ImagesConsole.Output;

namespace ImagesConsole.Commands;

/// <summary><c>delete</c>: deletes images by id, one DELETE each and no GET: the images are attached as stubs.</summary>
internal sealed class DeleteCommand : ImagesCommand
{
    private readonly Argument<long[]> _ids = new("id")
    {
        Description = "One or more image ids, separated by spaces.",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = ValueParsers.ImageIds,
    };

    public DeleteCommand(AppEnvironment environment, GlobalOptions globals)
        : base("delete", "Delete one or more images: delete <id> [<id>...].", environment, globals)
        => Arguments.Add(_ids);

    protected override string Purpose(CommandContext context) => "delete images";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var stubs = context.Get(_ids)!.Distinct().Select(id => new Image { Id = id }).ToList();
        var report = await DeletionSummary.DeleteAsync(context, session.Db, stubs, cancellationToken);

        if (context.Json)
        {
            context.WriteJson(
                new DeletionOutput(DeletionSummary.DeletedIds(report), DeletionSummary.Failures(report)),
                OutputJson.Context.DeletionOutput);
        }

        return DeletionSummary.Report(context, report);
    }
}
