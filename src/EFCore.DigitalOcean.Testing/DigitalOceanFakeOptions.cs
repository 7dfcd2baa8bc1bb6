namespace EFCore.DigitalOcean.Testing;

/// <summary>How <see cref="DigitalOceanFake.Start"/> sets the fake up.</summary>
public sealed class DigitalOceanFakeOptions
{
    /// <summary>The only bearer token the fake accepts.</summary>
    public string AccessToken { get; init; } = "fake-do-token";

    /// <summary>The initial catalogue, in list order (default: empty). The images are copied.</summary>
    public IEnumerable<FakeImage>? Seed { get; init; }

    /// <summary>
    /// The initial volume snapshots of <c>/v2/snapshots</c>, in list order (default: none). They are copied;
    /// an empty <see cref="FakeVolumeSnapshot.Id"/> gets a new UUID. The Droplet snapshots are the
    /// <see cref="Seed"/> images of type <c>snapshot</c> that are the account's own.
    /// </summary>
    public IEnumerable<FakeVolumeSnapshot>? VolumeSnapshots { get; init; }

    /// <summary>
    /// The catalogue of <c>GET /v2/regions</c>, in list order (default: <see cref="FakeCatalog.Regions"/>,
    /// built on the spec's example). The regions are copied and cannot change while the fake runs.
    /// </summary>
    public IEnumerable<FakeRegion>? Regions { get; init; }

    /// <summary>A real delay added to every response (default zero).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The value of <c>ratelimit-limit</c>.</summary>
    public int RateLimit { get; init; } = 5000;

    /// <summary>
    /// The starting <c>ratelimit-remaining</c> (default: <see cref="RateLimit"/>). Each request with a
    /// valid token that the fake handles uses one (a 401 uses none, since the budget belongs to a token,
    /// and neither does a fault that answers instead of the API). At 0 requests get 429
    /// <c>too_many_requests</c> until <see cref="DigitalOceanFake.RateLimitRemaining"/> is raised again.
    /// </summary>
    public int? RateLimitRemaining { get; init; }

    /// <summary>When set, a 429 caused by the rate limit carries <c>retry-after</c> with this many seconds (the burst limit).</summary>
    public int? BurstRetryAfterSeconds { get; init; }

    /// <summary>
    /// When set, the burst limit: at most this many requests (the real API: 250) in any <see cref="BurstWindow"/> on
    /// <see cref="TimeProvider"/>, each request counting on its own timer as in the real API's sliding window. A request
    /// beyond it gets 429 <c>too_many_requests</c> with <c>retry-after</c>: the seconds until the oldest counted request
    /// leaves the window. Requests are counted as for <see cref="RateLimitRemaining"/>; a 429 counts for neither.
    /// </summary>
    public int? BurstLimit { get; init; }

    /// <summary>The window of <see cref="BurstLimit"/> (default one minute, the real API's); shorter for tests in real time.</summary>
    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When positive, a created image finishes importing once this much time has passed on
    /// <see cref="TimeProvider"/>. When zero, <see cref="ImportPolls"/> decides instead.
    /// </summary>
    public TimeSpan ImportDuration { get; init; }

    /// <summary>
    /// When <see cref="ImportDuration"/> is zero: the number of <c>GET /v2/images/{id}</c> calls after which a
    /// created image is available. The earlier calls see <c>pending</c>; with the default 2, the first GET
    /// shows <c>pending</c> and the second <c>available</c>. Zero or less: the import finishes at once.
    /// </summary>
    public int ImportPolls { get; init; } = 2;

    /// <summary>
    /// When positive, an image action (transfer or convert) completes once this much time has passed on
    /// <see cref="TimeProvider"/>. When zero, <see cref="ActionPolls"/> decides instead.
    /// </summary>
    public TimeSpan ActionDuration { get; init; }

    /// <summary>
    /// When <see cref="ActionDuration"/> is zero: the number of client reads after which an image action is
    /// <c>completed</c>. A read is a GET of the action (on either path), a list of actions that shows it, or
    /// a GET or listing that shows its image. With the default 2, the first read shows <c>in-progress</c>
    /// and the second <c>completed</c>. Zero or less: actions complete at once.
    /// </summary>
    public int ActionPolls { get; init; } = 2;

    /// <summary>
    /// How many GETs of a new action by id answer 404 before it can be read (default 0), as the real API
    /// does right after the POST (Terraform tolerates 60 such answers). They do not count as polls; lists
    /// of actions show the action from the start.
    /// </summary>
    public int ActionNotFoundPolls { get; init; }

    /// <summary>
    /// The other teams the fake knows, in which its user may accept images: an account transfer to one of
    /// them by <c>recipient_uuid</c> is accepted at once (<c>transfer_id</c> 0) and the image leaves the
    /// account; a transfer to any other team is a 400.
    /// </summary>
    public IEnumerable<Guid>? Teams { get; init; }

    /// <summary>The team of the fake's own account; a transfer to it is a 400 (the image is the team's already).</summary>
    public Guid OwnTeam { get; init; } = DefaultOwnTeam;

    /// <summary>The default <see cref="OwnTeam"/>.</summary>
    public static readonly Guid DefaultOwnTeam = new("3f0e6f1c-2b4a-4c5d-9e8f-7a6b5c4d3e2f");

    /// <summary>The clock for <c>created_at</c>, <c>ratelimit-reset</c>, <see cref="ImportDuration"/> and <see cref="ActionDuration"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How a list that fits on one page shows its links.</summary>
    public SinglePageLinks SinglePageLinks { get; init; } = SinglePageLinks.EmptyPages;
}
