using EFCore.DigitalOcean.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Pacing;

/// <summary>
///     Drives a fake clock through minutes of pacing in seconds of real time: a step of a fifth of a second each time the fake
///     has been idle for a real pause (nothing in flight, nothing new arrived), so that requests take (almost) no fake time
///     and the rate measured on the fake clock is the pacing's own. A request that is still being read when the clock moves
///     on costs its permit one step: even if every permit lost one step on every turn, 25 permits turning every 6.2 s instead
///     of 6 s would still make 242 a minute, above the 95% the tests ask for, however busy the machine is.
/// </summary>
internal static class BurstClock
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RealPause = TimeSpan.FromMilliseconds(5);

    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, DigitalOceanFake fake, Task<T> work, TimeSpan realLimit)
    {
        var deadline = DateTime.UtcNow + realLimit;
        var seen = fake.Traffic;
        while (!work.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The paced work did not finish within {realLimit} of real time.");
            await Task.Delay(RealPause);
            var now = fake.Traffic;
            if (now.InFlight == 0 && now.Arrived == seen.Arrived)
            {
                clock.Advance(Step);
            }

            seen = now;
        }

        return await work;
    }
}
