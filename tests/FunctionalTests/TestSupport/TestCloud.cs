using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>
///     A <see cref="DigitalOceanFake" /> plus contexts aimed at it whose log output (every level, through <c>LogTo</c>) is
///     captured in <see cref="Log" />. <c>LogTo</c> rather than a logger factory keeps all contexts on one EF service
///     provider, and so on one compiled-query cache; see <see cref="ListLoggerProvider" /> for the other way.
/// </summary>
public sealed class TestCloud : IDisposable
{
    private TestCloud(DigitalOceanFake fake) => Fake = fake;

    public DigitalOceanFake Fake { get; }

    public CapturedLog Log { get; } = new();

    /// <summary>Every request the fake received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => Fake.Requests;

    public static TestCloud Start(IEnumerable<FakeImage>? seed = null) => Start(new DigitalOceanFakeOptions { Seed = seed });

    public static TestCloud Start(DigitalOceanFakeOptions options) => new(DigitalOceanFake.Start(options));

    /// <summary>A context that sends the token the fake accepts.</summary>
    /// <param name="provider">Provider options beyond the base address.</param>
    /// <param name="configure">Further EF options, e.g. <c>EnableSensitiveDataLogging()</c>.</param>
    public CloudContext CreateContext(
        Action<DigitalOceanDbContextOptionsBuilder>? provider = null,
        Action<DbContextOptionsBuilder<CloudContext>>? configure = null)
        => CreateContextWithToken(Fake.AccessToken, provider, configure);

    /// <summary>A context that sends <paramref name="accessToken" />; <see langword="null" /> makes the provider read the environment.</summary>
    public CloudContext CreateContextWithToken(
        string? accessToken,
        Action<DigitalOceanDbContextOptionsBuilder>? provider = null,
        Action<DbContextOptionsBuilder<CloudContext>>? configure = null)
        => new(Options(accessToken, provider, configure));

    public DbContextOptions<CloudContext> Options(
        string? accessToken,
        Action<DigitalOceanDbContextOptionsBuilder>? provider = null,
        Action<DbContextOptionsBuilder<CloudContext>>? configure = null)
    {
        var builder = new DbContextOptionsBuilder<CloudContext>()
            .UseDigitalOcean(accessToken, o =>
            {
                // The fake enforces no burst limit unless a test asks it to; such a test turns the pacing back on.
                o.BaseAddress(Fake.BaseAddress).RequestsPerMinute(null);
                provider?.Invoke(o);
            })
            .LogTo(static (_, _) => true, Log.Add);
        configure?.Invoke(builder);
        return builder.Options;
    }

    public void Dispose() => Fake.Dispose();
}
