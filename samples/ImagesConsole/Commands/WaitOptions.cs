using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>--wait</c> and its <c>--timeout</c>, as <c>import</c>, <c>transfer</c> and <c>convert</c> take them: the timeout alone is
///     refused, since there would be nothing for it to limit.
/// </summary>
internal sealed class WaitOptions
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    private readonly Option<bool> _wait;

    private readonly Option<TimeSpan?> _timeout = DurationArgument.Optional("--timeout", "How long --wait waits at most (default 30m).");

    /// <param name="command">The command that takes them.</param>
    /// <param name="waitDescription">What <c>--wait</c> waits for, for the help.</param>
    public WaitOptions(Command command, string waitDescription)
    {
        _wait = new Option<bool>("--wait") { Description = waitDescription };
        command.Options.Add(_wait);
        command.Options.Add(_timeout);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_timeout) is not null && result.GetResult(_wait) is null)
            {
                result.AddError("--timeout only applies with --wait: add --wait, or leave --timeout out.");
            }
        });
    }

    public bool Waits(CommandContext context) => context.Get(_wait);

    /// <summary>How long the wait may take: <c>--timeout</c>, or 30 minutes.</summary>
    public TimeSpan Timeout(CommandContext context) => context.Get(_timeout) ?? DefaultTimeout;
}
