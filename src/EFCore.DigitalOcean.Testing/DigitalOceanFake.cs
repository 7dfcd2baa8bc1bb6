using System.Net.Http.Headers;
using EFCore.DigitalOcean.Testing.Internal;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace EFCore.DigitalOcean.Testing;

/// <summary>
/// A stateful, in-process fake of DigitalOcean's <c>/v2/images</c>, <c>/v2/snapshots</c>,
/// <c>/v2/regions</c>, <c>/v2/tags</c> and <c>/v2/actions</c> APIs, served over HTTP on 127.0.0.1 by
/// WireMock.Net. It lists, gets, creates (with an import that finishes later), updates and deletes
/// images; runs image actions (transfer, convert) that complete later; tags and untags images from one
/// tag store; starts, accepts, declines and cancels account transfers; lists, gets and deletes Droplet
/// and volume snapshots; lists regions. It checks the bearer token, reports and enforces a rate limit,
/// records every request, and can inject faults, the same way for every resource.
/// </summary>
public sealed class DigitalOceanFake : IDisposable
{
    private const int StartAttempts = 3;

    private readonly WireMockServer _server;
    private readonly ImageStore _store;
    private readonly VolumeSnapshotStore _volumeSnapshots;
    private readonly RegionCatalog _regions;
    private readonly RateLimiter _rateLimiter;
    private readonly RequestLog _log = new();
    private readonly FaultRegistry _faults = new();
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private DigitalOceanFake(DigitalOceanFakeOptions options)
    {
        Validate(options);
        AccessToken = options.AccessToken;
        _clock = options.TimeProvider;
        _regions = new RegionCatalog(options.Regions);
        _store = new ImageStore(options.Seed, new StoreSettings(
            new CompletionPolicy(options.ImportDuration, options.ImportPolls),
            new CompletionPolicy(options.ActionDuration, options.ActionPolls),
            options.ActionNotFoundPolls,
            new TeamDirectory(options.OwnTeam, options.Teams),
            _regions));
        _volumeSnapshots = new VolumeSnapshotStore(options.VolumeSnapshots);
        _rateLimiter = new RateLimiter(
            options.RateLimit, options.RateLimitRemaining ?? options.RateLimit, options.BurstRetryAfterSeconds, _clock)
        {
            Burst = options.BurstLimit is { } burstLimit ? new BurstWindow(burstLimit, options.BurstWindow, _clock) : null,
        };
        (_server, BaseAddress) = StartServer(options);
    }

    /// <summary>Starts a fake on a free loopback port.</summary>
    /// <param name="options">How to set it up; <see langword="null"/> for the defaults (empty catalogue).</param>
    public static DigitalOceanFake Start(DigitalOceanFakeOptions? options = null) => new(options ?? new DigitalOceanFakeOptions());

    /// <summary>The root to send requests to, e.g. <c>http://127.0.0.1:54321/</c> (with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The one bearer token the fake accepts.</summary>
    public string AccessToken { get; }

    /// <summary>Every request received so far (including failed and faulted ones), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>The highest number of requests in flight at once since the start or the last <see cref="ClearRequests"/>.</summary>
    public int MaxConcurrentRequestsObserved => _log.MaxConcurrent;

    /// <summary>
    /// How many requests have arrived so far and how many of them are being answered now: a test that drives a fake
    /// <see cref="DigitalOceanFakeOptions.TimeProvider"/> waits for the fake to be idle before it moves the clock on.
    /// </summary>
    public (long Arrived, int InFlight) Traffic => (_log.Arrivals, _log.InFlight);

    /// <summary>Copies of the current images, in list order.</summary>
    public IReadOnlyList<FakeImage> Images => _store.Snapshot(_clock.GetUtcNow());

    /// <summary>Copies of the current volume snapshots, in list order. The Droplet snapshots are among <see cref="Images"/>.</summary>
    public IReadOnlyList<FakeVolumeSnapshot> VolumeSnapshots => _volumeSnapshots.Snapshot();

    /// <summary>Copies of every image action so far (in progress or ended), in order of creation.</summary>
    public IReadOnlyList<FakeAction> Actions => _store.ActionsSnapshot(_clock.GetUtcNow());

    /// <summary>The names of the account's tags, in their canonical case, in order of creation.</summary>
    public IReadOnlyList<string> Tags => _store.TagNames();

    /// <summary>Copies of every account transfer started so far, in order.</summary>
    public IReadOnlyList<FakeAccountTransfer> AccountTransfers => _store.TransfersSnapshot();

    /// <summary>The <c>ratelimit-remaining</c> budget. Set it to 0 to get 429s, raise it to stop them.</summary>
    public int RateLimitRemaining
    {
        get => _rateLimiter.Remaining;
        set => _rateLimiter.Remaining = value;
    }

    /// <summary>Forgets the recorded requests and restarts <see cref="MaxConcurrentRequestsObserved"/>.</summary>
    public void ClearRequests() => _log.Clear();

    /// <summary>A copy of the image with this id, or <see langword="null"/>. Does not count as a client's poll.</summary>
    public FakeImage? FindImage(long id) => _store.Find(id, _clock.GetUtcNow());

    /// <summary>Adds an image at the end of the list.</summary>
    /// <param name="image">The image to copy in; an <see cref="FakeImage.Id"/> of 0 gets the next free id.</param>
    /// <returns>A copy of the stored image.</returns>
    /// <exception cref="ArgumentException">The id is negative or already taken.</exception>
    public FakeImage AddImage(FakeImage image) => _store.Add(image);

    /// <summary>Removes the image with this id, if there is one.</summary>
    public void RemoveImage(long id) => _store.Remove(id);

    /// <summary>Adds a volume snapshot at the end of its list.</summary>
    /// <param name="snapshot">The snapshot to copy in; an empty <see cref="FakeVolumeSnapshot.Id"/> gets a new UUID.</param>
    /// <returns>A copy of the stored snapshot.</returns>
    /// <exception cref="ArgumentException">The id is not a UUID or is already taken.</exception>
    public FakeVolumeSnapshot AddVolumeSnapshot(FakeVolumeSnapshot snapshot) => _volumeSnapshots.Add(snapshot);

    /// <summary>Sets an image's status and error message by hand; this ends any import in progress for it.</summary>
    /// <param name="id">The image.</param>
    /// <param name="status">For example <c>available</c>, <c>pending</c> or <c>deleted</c>.</param>
    /// <param name="errorMessage">The <c>error_message</c>; <see langword="null"/> writes an empty string.</param>
    /// <exception cref="KeyNotFoundException">There is no such image.</exception>
    public void SetImageStatus(long id, string status, string? errorMessage = null) => _store.SetStatus(id, status, errorMessage);

    /// <summary>
    /// Ends an image action by hand: <c>errored</c> makes it fail (the image is not changed),
    /// <c>completed</c> completes it now (a transfer adds its region, a convert makes the image a snapshot).
    /// An action that has ended already only gets the new status.
    /// </summary>
    /// <param name="actionId">The action.</param>
    /// <param name="status"><c>errored</c> or <c>completed</c>.</param>
    /// <exception cref="KeyNotFoundException">There is no such action.</exception>
    /// <exception cref="ArgumentException">The status is neither.</exception>
    public void SetActionStatus(long actionId, string status) => _store.SetActionStatus(actionId, status, _clock.GetUtcNow());

    /// <summary>Adds a fault after those already injected.</summary>
    /// <returns>A handle that counts the fault's hits.</returns>
    public FaultHandle InjectFault(FakeFault fault) => _faults.Add(fault);

    /// <summary>Removes every injected fault.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>
    /// A new <see cref="HttpClient"/> aimed at <see cref="BaseAddress"/> that sends the accepted token.
    /// The caller disposes it.
    /// </summary>
    public HttpClient CreateHttpClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return client;
    }

    /// <summary>Stops the server; requests still waiting out a delay are answered at once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Not disposed: delays still running may link to its token while the server stops.
        _stopping.Cancel();
        _server.Stop();
        _server.Dispose();
    }

    private (WireMockServer Server, Uri BaseAddress) StartServer(DigitalOceanFakeOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Another process can take the port between finding it and binding it: try a new one then.
            var port = LoopbackPort.Next();
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            var api = CreateRouter(new ListPages(baseAddress, options.SinglePageLinks));
            var handler = new RequestHandler(
                options.AccessToken, options.Latency, _clock, _rateLimiter, _log, _faults, api, _stopping.Token);
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{port}"],
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                    Logger = new WireMockNullLogger(),

                    // The fake keeps its own log; WireMock's would grow without bound in benchmarks.
                    MaxRequestLogCount = 0,
                    DisableJsonBodyParsing = true,
                    AllowBodyForAllHttpMethods = true,
                    PreWireMockMiddlewareInit = app => TransportMiddleware.Install(app, _log),
                });
                server
                    .Given(Request.Create().UsingAnyMethod().WithPath(static _ => true))
                    .RespondWith(Response.Create().WithCallback(handler.HandleAsync));
                return (server, baseAddress);
            }
            catch (Exception) when (attempt < StartAttempts)
            {
                // Retry on a fresh port.
            }
        }
    }

    private ApiRouter CreateRouter(ListPages pages)
    {
        var actionJson = new ActionJson(_regions);
        return new(
        [
            new ImagesApi(_store, pages),
            new ImageActionsApi(_store, pages, actionJson),
            new AccountTransferApi(_store),
            new ActionsApi(_store, pages, actionJson),
            new TagsApi(_store, pages, new TagJson(pages.BaseAddress)),
            new TagResourcesApi(_store),
            new SnapshotsApi(_store, _volumeSnapshots, pages),
            new RegionsApi(_regions, pages),
        ]);
    }

    private static void Validate(DigitalOceanFakeOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.AccessToken, nameof(options.AccessToken));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RateLimit, nameof(options.RateLimit));
        if (options.BurstLimit is { } burstLimit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(burstLimit, 1, nameof(options.BurstLimit));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BurstWindow, TimeSpan.Zero, nameof(options.BurstWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Latency, TimeSpan.Zero, nameof(options.Latency));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ImportDuration, TimeSpan.Zero, nameof(options.ImportDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ActionDuration, TimeSpan.Zero, nameof(options.ActionDuration));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ActionNotFoundPolls, nameof(options.ActionNotFoundPolls));
    }
}
