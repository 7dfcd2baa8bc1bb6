using System.Diagnostics;
using System.Reflection;

namespace EFCore.DigitalOcean.FunctionalTests.Fleet;

/// <summary>One run of tests/FleetWorker (<c>dotnet FleetWorker.dll ...</c>), the token in its environment only.</summary>
internal static class FleetWorkerProcess
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    /// <summary>Where the build put the worker (FunctionalTests.csproj writes it into this assembly's metadata).</summary>
    private static string WorkerPath
        => typeof(FleetWorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FleetWorker").Value!;

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string token, params string[] arguments)
    {
        Assert.True(File.Exists(WorkerPath), $"The fleet worker was not built at {WorkerPath}.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        start.ArgumentList.Add(WorkerPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DIGITALOCEAN_TOKEN"] = token;
        start.Environment.Remove("DIGITALOCEAN_ACCESS_TOKEN");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(RunLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"A fleet worker did not finish within {RunLimit}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
