using EFCore.DigitalOcean.Diagnostics;
using EFCore.DigitalOcean.Testing;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ImagesConsole;

/// <summary>
///     The <see cref="ImagesContext" /> one command works with, aimed at the real API (or <c>--base-url</c>) when there is a
///     token, and otherwise at a local simulation that lives as long as the session.
/// </summary>
internal sealed class ImagesSession : IAsyncDisposable
{
    // Long enough to watch NEW turn into available with `import --wait`, short enough for a demo.
    private static readonly TimeSpan SimulatedImportDuration = TimeSpan.FromSeconds(3);

    private static readonly EventId[] RequestEvents =
    [
        DigitalOceanEventId.RequestExecuted,
        DigitalOceanEventId.RequestFailed,
        DigitalOceanEventId.RequestThrottled,
        DigitalOceanEventId.FullListingWarning,
    ];

    private readonly DigitalOceanFake? _simulation;

    private ImagesSession(ImagesContext db, DigitalOceanFake? simulation)
    {
        Db = db;
        _simulation = simulation;
    }

    public ImagesContext Db { get; }

    /// <param name="environment">Supplies the token and, for <paramref name="verbose" />, the stream the request log goes to.</param>
    /// <param name="baseUrl">Another endpoint; only with a token (the options check that).</param>
    /// <param name="verbose">Whether to show the provider's request log.</param>
    public static ImagesSession Open(AppEnvironment environment, Uri? baseUrl, bool verbose)
    {
        var simulation = environment.AccessToken is null ? StartSimulation(environment) : null;
        var token = simulation?.AccessToken ?? environment.AccessToken!;
        var endpoint = simulation?.BaseAddress ?? baseUrl;

        var options = new DbContextOptionsBuilder<ImagesContext>()
            .UseDigitalOcean(token, o =>
            {
                if (endpoint is not null)
                {
                    o.BaseAddress(endpoint);
                }
            });
        if (verbose)
        {
            // Through the console rather than the raw stream, so lines written during a spinner or progress bar land above it.
            options.LogTo(
                line => environment.ErrorConsole.Write(new LogLine(line)),
                RequestEvents,
                LogLevel.Information,
                DbContextLoggerOptions.SingleLine);
        }

        return new ImagesSession(new ImagesContext(options.Options), simulation);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        _simulation?.Dispose();
    }

    private static DigitalOceanFake StartSimulation(AppEnvironment environment)
    {
        environment.Error.WriteLine(
            $"No {string.Join(" or ", AppEnvironment.TokenVariables)} is set: running against a local simulation of the API "
            + "with a sample catalogue. Changes last only for this command.");
        var now = DateTimeOffset.UtcNow;
        return DigitalOceanFake.Start(new DigitalOceanFakeOptions
        {
            Seed = FakeCatalog.Realistic(now),
            VolumeSnapshots = FakeCatalog.RealisticVolumeSnapshots(now),
            ImportDuration = SimulatedImportDuration,
        });
    }
}
