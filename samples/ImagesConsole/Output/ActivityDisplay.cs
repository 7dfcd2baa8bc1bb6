using Spectre.Console;

namespace ImagesConsole.Output;

/// <summary>Keeps a spinner's or progress bar's text current while work runs: what it does, and what the provider is waiting for.</summary>
internal static class ActivityDisplay
{
    // How often the text is refreshed; the requests and polls themselves are the provider's.
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    /// <summary>The display's text (markup-escaped): <paramref name="doing" />, and the provider's notice when there is one.</summary>
    public static string Text(string doing, ProviderActivity activity)
        => Markup.Escape(activity.Notice is { } notice ? $"{doing} ({notice})" : doing);

    /// <summary>Awaits <paramref name="work" />, calling <paramref name="refresh" /> every so often until it ends.</summary>
    public static async Task WhileRunning(Task work, Action refresh)
    {
        while (await Task.WhenAny(work, Task.Delay(Refresh)) != work)
        {
            refresh();
        }

        await work;
    }
}
