using EFCore.DigitalOcean.Testing;

namespace ImagesConsole.Tests.TestSupport;

/// <summary>Runs the app in-process, as its <c>Program</c> would, with captured streams and a token of the test's choosing.</summary>
internal static class App
{
    /// <summary>Runs a command against <paramref name="fake" />: its token, and its address through <c>--base-url</c>.</summary>
    public static Task<AppResult> RunAsync(DigitalOceanFake fake, params string[] args)
        => RunAsync(fake.AccessToken, [.. args, "--base-url", fake.BaseAddress.ToString()]);

    /// <summary>Runs a command with the given token, or none (the app then starts its own simulation).</summary>
    public static async Task<AppResult> RunAsync(string? accessToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await ImagesApp.RunAsync(args, AppEnvironment.ForWriters(stdout, stderr, accessToken));
        return new AppResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A fake seeded with <see cref="TestCatalog" />. Imports finish on the second poll, so <c>--wait</c> takes one poll interval.</summary>
    public static DigitalOceanFake StartFake() => DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = TestCatalog.Build() });
}
