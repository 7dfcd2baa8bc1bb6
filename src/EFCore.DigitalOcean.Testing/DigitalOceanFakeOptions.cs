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

    /// <summary>The clock for <c>created_at</c>, <c>ratelimit-reset</c> and <see cref="ImportDuration"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How a list that fits on one page shows its links.</summary>
    public SinglePageLinks SinglePageLinks { get; init; } = SinglePageLinks.EmptyPages;
}
