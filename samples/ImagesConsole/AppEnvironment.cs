using Spectre.Console;

namespace ImagesConsole;

/// <summary>
///     What a run takes from its process: the output streams, the access token and whether anyone can answer a prompt. Tests
///     build their own with <see cref="ForWriters" /> and run the app in-process, without touching process-wide state.
/// </summary>
public sealed class AppEnvironment
{
    /// <summary>The variables the token is read from, in order; the provider's own defaults.</summary>
    public static readonly IReadOnlyList<string> TokenVariables = ["DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"];

    // Output redirected to a file or a pipe (the details grid, the progress fallback) gets this width instead of Spectre's 80
    // columns, so its lines do not wrap.
    private const int RedirectedWidth = 160;

    // Created on first use: a command that writes plain text (a listing into a pipe) never pays for Spectre's detection.
    private readonly Lazy<IAnsiConsole> _outConsole;
    private readonly Lazy<IAnsiConsole> _errorConsole;

    private AppEnvironment(TextWriter output, TextWriter error, Func<IAnsiConsole> outputConsole, Func<IAnsiConsole> errorConsole)
    {
        Out = output;
        Error = error;
        _outConsole = new Lazy<IAnsiConsole>(outputConsole);
        _errorConsole = new Lazy<IAnsiConsole>(errorConsole);
    }

    /// <summary>Where data goes: JSON and help.</summary>
    public TextWriter Out { get; }

    /// <summary>Where messages and errors go.</summary>
    public TextWriter Error { get; }

    /// <summary>Renders tables to <see cref="Out" />.</summary>
    public IAnsiConsole OutConsole => _outConsole.Value;

    /// <summary>Renders spinners, progress bars, prompts and <c>--verbose</c> request logs to <see cref="Error" />.</summary>
    public IAnsiConsole ErrorConsole => _errorConsole.Value;

    /// <summary>The DigitalOcean token, or <see langword="null" /> to run against a local simulation.</summary>
    public string? AccessToken { get; private init; }

    /// <summary>Whether stdout is a terminal, where tables fit its width; otherwise they are tab-separated text.</summary>
    public bool OutputIsTerminal { get; private init; }

    /// <summary>Whether a confirmation prompt can be answered (stdin is a terminal).</summary>
    public bool IsInteractive { get; private init; }

    /// <summary>The real process: its console streams, terminal detection, and the token from the environment variables.</summary>
    public static AppEnvironment FromProcess()
    {
        var interactive = !Console.IsInputRedirected && Environment.UserInteractive;
        var token = TokenVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return new AppEnvironment(
            Console.Out,
            Console.Error,
            () => CreateConsole(Console.Out, Console.IsOutputRedirected, interactive),
            () => CreateConsole(Console.Error, Console.IsErrorRedirected, interactive))
        {
            AccessToken = token,
            IsInteractive = interactive,
            OutputIsTerminal = !Console.IsOutputRedirected,
        };
    }

    /// <summary>A non-interactive environment over the given writers, without colours or escape codes: what a test captures.</summary>
    /// <param name="output">Stdout.</param>
    /// <param name="error">Stderr.</param>
    /// <param name="accessToken">The token the environment variables would hold.</param>
    /// <param name="terminalWidth">Makes stdout a terminal this wide; by default it is a pipe.</param>
    public static AppEnvironment ForWriters(TextWriter output, TextWriter error, string? accessToken, int? terminalWidth = null)
    {
        // Request logs arrive from several threads at once.
        var safeOutput = TextWriter.Synchronized(output);
        var safeError = TextWriter.Synchronized(error);
        return new AppEnvironment(
            safeOutput,
            safeError,
            () =>
            {
                var outConsole = CreateConsole(safeOutput, redirected: true, interactive: false);
                if (terminalWidth is { } width)
                {
                    outConsole.Profile.Width = width;
                }

                return outConsole;
            },
            () => CreateConsole(safeError, redirected: true, interactive: false))
        {
            AccessToken = accessToken,
            IsInteractive = false,
            OutputIsTerminal = terminalWidth is not null,
        };
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool redirected, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
