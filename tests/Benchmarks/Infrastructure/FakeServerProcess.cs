using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;

namespace EFCore.DigitalOcean.Benchmarks.Infrastructure;

/// <summary>
///     The fake served by <c>tests/FakeServer</c> in a process of its own, so that the client measured shares neither the
///     server's process nor its thread pool nor its garbage collector. The build of this project builds it too and records
///     where its output is (<c>FakeServerPath</c> in the assembly's metadata). Disposing closes its stdin, which stops it.
/// </summary>
internal sealed class FakeServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private FakeServerProcess(Process process, Uri baseAddress, string accessToken)
    {
        _process = process;
        BaseAddress = baseAddress;
        AccessToken = accessToken;
    }

    public Uri BaseAddress { get; }

    public string AccessToken { get; }

    /// <summary>Starts the server with <paramref name="images" /> private images and waits until it listens.</summary>
    public static FakeServerProcess Start(int images)
    {
        var startInfo = new ProcessStartInfo(DotNetHost())
        {
            ArgumentList =
            {
                ServerPath(), "--images", images.ToString(CultureInfo.InvariantCulture),

                // The default hourly budget (5,000) would run out within seconds of a benchmark.
                "--rate-limit", int.MaxValue.ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // A profiler that started this process (dotnet-trace) waits on this port for it alone; the server would wait too.
        startInfo.Environment.Remove("DOTNET_DiagnosticPorts");
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The fake server process did not start.");
        try
        {
            var ready = process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout).GetAwaiter().GetResult()
                ?? throw new InvalidOperationException($"The fake server exited with code {WaitForExit(process)} before listening.");
            var parts = ready.Split(' ', 2);
            return new FakeServerProcess(process, new Uri(parts[0]), parts[1]);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>An <see cref="HttpClient" /> with .NET's default handler, aimed at the server, sending its token.</summary>
    public HttpClient CreateHttpClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return client;
    }

    /// <summary>Forgets the requests recorded so far, and returns once the server has.</summary>
    public void ClearRequests() => Command("clear");

    /// <summary>The requests since the last clear: how many, the most in flight at once, and the first one.</summary>
    public (int Count, int MaxInFlight, string? First) RequestStats()
    {
        var parts = Command("stats").Split(' ', 3);
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null);
    }

    public void Dispose() => Stop(_process);

    private string Command(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        return _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"The fake server exited with code {WaitForExit(_process)}.");
    }

    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int WaitForExit(Process process)
    {
        process.WaitForExit(TimeSpan.FromSeconds(10));
        return process.HasExited ? process.ExitCode : -1;
    }

    private static string ServerPath()
    {
        var path = typeof(FakeServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "FakeServerPath")?.Value;
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The fake server is not built at '{path}'. Build tests/Benchmarks (which builds tests/FakeServer) again.");
    }

    /// <summary>
    ///     The <c>dotnet</c> host that runs this process, or the one beside the runtime this process runs on (a benchmark
    ///     process BenchmarkDotNet starts is its own executable).
    /// </summary>
    private static string DotNetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Path.GetFileName(Environment.ProcessPath) == executable)
        {
            return Environment.ProcessPath!;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, executable);
        return File.Exists(host) ? host : executable;
    }
}
