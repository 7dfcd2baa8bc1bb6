using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary>
///     A subcommand whose action receives a <see cref="CommandContext" />. Whatever its run throws becomes one line in the
///     tool's words (<c>could not rename image 3001: …</c>), and Ctrl+C a line saying it stopped: never a stack trace.
/// </summary>
internal abstract class ImagesCommand : Command
{
    protected ImagesCommand(string name, string description, AppEnvironment environment, GlobalOptions globals)
        : base(name, description)
        => SetAction(async (parseResult, cancellationToken) =>
        {
            var context = new CommandContext(parseResult, environment, globals);
            try
            {
                return await RunAsync(context, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Inform($"Cancelled: could not {Purpose(context)}; {NothingChanged}.");
                return ExitCodes.Cancelled;
            }
            catch (Exception exception)
            {
                return context.Fail($"could not {Purpose(context)}", exception);
            }
        });

    /// <summary>What the commands that change nothing, or have not started changing anything, say when interrupted.</summary>
    protected const string NothingChanged = "nothing was changed";

    /// <summary>What the command does, for its error messages: <c>list images</c>, <c>rename image 3001</c>.</summary>
    protected abstract string Purpose(CommandContext context);

    protected abstract Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken);
}
