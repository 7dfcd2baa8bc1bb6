using System.CommandLine;
using System.CommandLine.Invocation;
using EFCore.DigitalOcean;
using ImagesConsole.Commands;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole;

/// <summary>The command-line application, runnable in-process: <c>Program</c> calls it with the real process, tests with their own.</summary>
public static class ImagesApp
{
    /// <summary>Parses <paramref name="args" />, runs the command, and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, AppEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,

            // Failures the user can act on become one line on stderr (below), not a stack trace.
            EnableDefaultExceptionHandler = false,
        };

        var parseResult = CreateRootCommand(environment).Parse(args);
        if (parseResult.Action is ParseErrorAction parseError)
        {
            // Only the error, on stderr: help and typo suggestions go to stdout, where a script reads data.
            parseError.ShowHelp = false;
            parseError.ShowTypoCorrections = false;
        }

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C (System.CommandLine cancels the action's token) or the caller's token; the provider reports its own
            // request timeouts as TimeoutException.
            environment.Error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (exception is DigitalOceanApiException or DbUpdateException or HttpRequestException or TimeoutException)
        {
            environment.Error.WriteLine("error: " + exception.Message);
            return ExitCodes.Failure;
        }
    }

    private static RootCommand CreateRootCommand(AppEnvironment environment)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "Manage DigitalOcean images through Entity Framework Core. Uses DIGITALOCEAN_TOKEN (or DIGITALOCEAN_ACCESS_TOKEN); "
            + "without one, runs against a local simulation.");
        globals.AddTo(root, environment);
        root.Subcommands.Add(new ListCommand(environment, globals));
        root.Subcommands.Add(new ShowCommand(environment, globals));
        root.Subcommands.Add(new ImportCommand(environment, globals));
        root.Subcommands.Add(new RenameCommand(environment, globals));
        root.Subcommands.Add(new DescribeCommand(environment, globals));
        root.Subcommands.Add(new DeleteCommand(environment, globals));
        root.Subcommands.Add(new CleanupCommand(environment, globals));
        return root;
    }
}
