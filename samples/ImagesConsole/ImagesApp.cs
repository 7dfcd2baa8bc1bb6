using System.CommandLine;
using System.CommandLine.Help;
using ImagesConsole.Commands;

namespace ImagesConsole;

/// <summary>The command-line application, runnable in-process: <c>Program</c> calls it with the real process, tests with their own.</summary>
public static class ImagesApp
{
    /// <summary>Parses <paramref name="args" />, runs the command, and returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">The streams and the token.</param>
    /// <param name="cancellationToken">Ctrl+C: the command stops, says what it did and did not do, and returns 130.</param>
    public static async Task<int> RunAsync(string[] args, AppEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,

            // Each command turns its failures into one line on stderr (ImagesCommand), never a stack trace.
            EnableDefaultExceptionHandler = false,

            // Program turns Ctrl+C into the token, and the command reports before it exits: no forced exit after a timeout.
            ProcessTerminationTimeout = null,
        };

        var parseResult = CreateRootCommand(environment).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // Only the errors, one line each, on stderr; help and typo suggestions would go to stdout, where a script reads data.
            foreach (var error in parseResult.Errors)
            {
                environment.Error.WriteLine("error: " + error.Message);
            }

            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            environment.Error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
    }

    private static RootCommand CreateRootCommand(AppEnvironment environment)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "Manage DigitalOcean images through Entity Framework Core. Uses --token, DIGITALOCEAN_TOKEN or "
            + "DIGITALOCEAN_ACCESS_TOKEN; without one, runs against a local simulation. To try it against a DigitalOceanFake "
            + "of your own: --base-url http://127.0.0.1:PORT/ --token fake-do-token.");
        globals.AddTo(root, environment);
        root.Subcommands.Add(new ListCommand(environment, globals));
        root.Subcommands.Add(new ShowCommand(environment, globals));
        root.Subcommands.Add(new ImportCommand(environment, globals));
        root.Subcommands.Add(new RenameCommand(environment, globals));
        root.Subcommands.Add(new DescribeCommand(environment, globals));
        root.Subcommands.Add(new DeleteCommand(environment, globals));
        root.Subcommands.Add(new CleanupCommand(environment, globals));
        root.Subcommands.Add(new SnapshotsCommand(environment, globals));
        root.Subcommands.Add(new RegionsCommand(environment, globals));
        root.Subcommands.Add(new ActionsCommand(environment, globals));
        root.Subcommands.Add(new TransferCommand(environment, globals));
        root.Subcommands.Add(new ConvertCommand(environment, globals));
        root.Subcommands.Add(new TagCommand(environment, globals));
        root.Subcommands.Add(new UntagCommand(environment, globals));
        root.Subcommands.Add(new GiveCommand(environment, globals));

        // No command: the help, as doctl does, rather than "Required command was not provided".
        root.SetAction(parseResult => new HelpAction().Invoke(parseResult));
        return root;
    }
}
