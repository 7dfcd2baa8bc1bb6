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

    // What --verbose shows, besides the waits ProviderActivity watches.
    private static readonly EventId[] RequestEvents =
    [
        DigitalOceanEventId.RequestExecuted,
        DigitalOceanEventId.RequestFailed,
        DigitalOceanEventId.FullListingWarning,
    ];

    private readonly DigitalOceanFake? _simulation;

    private ImagesSession(ImagesContext db, DigitalOceanFake? simulation)
    {
        Db = db;
        _simulation = simulation;
    }

    public ImagesContext Db { get; }

    /// <param name="environment">The stream the request log and the activity notices go to.</param>
    /// <param name="token">The access token, or <see langword="null" /> for the local simulation.</param>
    /// <param name="baseUrl">Another endpoint; only with a token (the options check that).</param>
    /// <param name="verbose">Whether to show the provider's request log, with request bodies.</param>
    /// <param name="activity">Told of the provider's waits (throttling, retries), for the progress displays.</param>
    public static ImagesSession Open(AppEnvironment environment, string? token, Uri? baseUrl, bool verbose, ProviderActivity activity)
    {
        var simulation = token is null ? StartSimulation(environment) : null;
        var endpoint = simulation?.BaseAddress ?? baseUrl;

        var options = new DbContextOptionsBuilder<ImagesContext>()
            .UseDigitalOcean(simulation?.AccessToken ?? token!, o =>
            {
                if (endpoint is not null)
                {
                    o.BaseAddress(endpoint);
                }
            });
        if (verbose)
        {
            // Request bodies in the log; the provider never logs the token.
            options.EnableSensitiveDataLogging();
        }

        options.LogTo(
            (id, _) => ProviderActivity.Watches(id) || (verbose && RequestEvents.Contains(id)),
            eventData =>
            {
                // Through the console rather than the raw stream, so lines written during a spinner or progress bar land above it.
                if (verbose)
                {
                    environment.ErrorConsole.Write(new LogLine($"{eventData.LogLevel.ToString().ToLowerInvariant()}: {eventData}"));
                }

                if (activity.Observe(eventData) is { } notice && !verbose)
                {
                    environment.ErrorConsole.Write(new LogLine(notice));
                }
            });

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
