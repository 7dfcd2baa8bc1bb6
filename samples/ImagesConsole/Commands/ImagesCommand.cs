using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary>A subcommand whose action receives a <see cref="CommandContext" />.</summary>
internal abstract class ImagesCommand : Command
{
    protected ImagesCommand(string name, string description, AppEnvironment environment, GlobalOptions globals)
        : base(name, description)
        => SetAction((parseResult, cancellationToken)
            => RunAsync(new CommandContext(parseResult, environment, globals), cancellationToken));

    protected abstract Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken);
}
