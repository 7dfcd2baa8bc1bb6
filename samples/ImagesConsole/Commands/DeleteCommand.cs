using System.CommandLine;
using EFCore.DigitalOcean;
using ImagesConsole.Deletion;
using ImagesConsole.Output;

namespace ImagesConsole.Commands;

/// <summary><c>delete</c>: deletes images by id, one DELETE each and no GET: the images are attached as stubs.</summary>
internal sealed class DeleteCommand : ImagesCommand
{
    private readonly Argument<long[]> _ids = new("id")
    {
        Description = "The ids of the images to delete.",
        Arity = ArgumentArity.OneOrMore,
    };

    public DeleteCommand(AppEnvironment environment, GlobalOptions globals)
        : base("delete", "Delete images.", environment, globals)
        => Arguments.Add(_ids);

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var stubs = context.Get(_ids)!.Distinct().Select(id => new Image { Id = id }).ToList();
        var report = await ImageDeleter.DeleteAsync(session.Db, stubs, batchDone: _ => { }, cancellationToken);

        if (context.Json)
        {
            context.WriteJson(
                new DeletionOutput(DeletionSummary.DeletedIds(report), DeletionSummary.Failures(report)),
                OutputJson.Context.DeletionOutput);
        }

        return DeletionSummary.Report(context, report);
    }
}
