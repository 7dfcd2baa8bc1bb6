using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Pacing;

/// <summary>
///     A fake enforcing the real API's burst limit (250 in any minute) on a fake clock, seeded with private images, and a
///     context on the same clock paced at <c>requestsPerMinute</c>; <see cref="UntilDone{T}" /> drives the clock.
/// </summary>
internal sealed class PacedRun : IDisposable
{
    public const int PageSize = 200;
    private const int BurstLimit = 250;
    private static readonly TimeSpan RealLimit = TimeSpan.FromSeconds(90);

    private readonly FakeTimeProvider _clock = new(FakeCatalog.DefaultNow);
    private readonly AnsweredAttempts _answered;

    private PacedRun(int images, int? requestsPerMinute)
    {
        Cloud = TestCloud.Start(new DigitalOceanFakeOptions
        {
            // A token of its own: the pacing is per token for the whole process.
            AccessToken = SecretAssert.NewToken(),
            Seed = FakeCatalog.PrivateImages(images),
            TimeProvider = _clock,
            BurstLimit = BurstLimit
        });
        Db = Cloud.CreateContext(o => o.TimeProvider(_clock).PageSize(PageSize).RequestsPerMinute(requestsPerMinute));
        _answered = new AnsweredAttempts(Cloud.Fake.BaseAddress.Port);
    }

    public TestCloud Cloud { get; }

    public CloudContext Db { get; }

    public static PacedRun Start(int images, int? requestsPerMinute) => new(images, requestsPerMinute);

    public Task<T> UntilDone<T>(Task<T> work) => BurstClock.RunAsync(_clock, Cloud.Fake, _answered, work, RealLimit);

    public void Dispose()
    {
        _answered.Dispose();
        Db.Dispose();
        Cloud.Dispose();
    }
}
