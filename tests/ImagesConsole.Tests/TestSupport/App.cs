using EFCore.DigitalOcean.Testing;

namespace ImagesConsole.Tests.TestSupport;

/// <summary>Runs the app in-process, as its <c>Program</c> would, with captured streams and a token of the test's choosing.</summary>
internal static class App
{
    /// <summary>Runs a command against <paramref name="fake" />: its token, and its address through <c>--base-url</c>; stdout is a pipe.</summary>
    public static Task<AppResult> RunAsync(DigitalOceanFake fake, params string[] args)
        => RunAsync(fake.AccessToken, AgainstFake(fake, args));

    /// <summary>Runs a command with the given token, or none (the app then starts its own simulation); stdout is a pipe.</summary>
    public static Task<AppResult> RunAsync(string? accessToken, params string[] args) => Start(accessToken, args).Completion;

    /// <summary>Runs a command against <paramref name="fake" /> with stdout a terminal <paramref name="width" /> columns wide.</summary>
    public static Task<AppResult> RunInTerminalAsync(DigitalOceanFake fake, int width, params string[] args)
        => Start(fake.AccessToken, AgainstFake(fake, args), width).Completion;

    /// <summary>Starts a command against <paramref name="fake" />, for a test that presses Ctrl+C (<see cref="RunningApp.Cancel" />).</summary>
    public static RunningApp Start(DigitalOceanFake fake, params string[] args) => Start(fake.AccessToken, AgainstFake(fake, args));

    /// <summary>A fake seeded with <see cref="TestCatalog" />. Imports finish on the second poll, so <c>--wait</c> takes one poll interval.</summary>
    public static DigitalOceanFake StartFake() => DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = TestCatalog.Build() });

    private static string[] AgainstFake(DigitalOceanFake fake, string[] args) => [.. args, "--base-url", fake.BaseAddress.ToString()];

    private static RunningApp Start(string? accessToken, string[] args, int? terminalWidth = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var cancellation = new CancellationTokenSource();
        var environment = AppEnvironment.ForWriters(stdout, stderr, accessToken, terminalWidth);
        var completion = Task.Run(async () =>
        {
            var exitCode = await ImagesApp.RunAsync(args, environment, cancellation.Token);
            return new AppResult(exitCode, stdout.ToString(), stderr.ToString());
        });
        return new RunningApp(completion, cancellation);
    }
}

/// <summary>A run in progress: <see cref="Cancel" /> is Ctrl+C.</summary>
internal sealed class RunningApp(Task<AppResult> completion, CancellationTokenSource cancellation)
{
    public Task<AppResult> Completion => completion;

    public void Cancel() => cancellation.Cancel();
}
