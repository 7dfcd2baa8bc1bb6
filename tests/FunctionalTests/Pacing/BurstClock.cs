using EFCore.DigitalOcean.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Pacing;

/// <summary>
///     Drives a fake clock through minutes of pacing in seconds of real time: a step of a fifth of a second each time
///     everything has settled for a real pause: nothing in flight at the fake, nothing new arrived, and every request that
///     arrived finished on the provider's side (where it gives its permit back). So requests take no fake time, and the rate
///     measured on the fake clock is the pacing's own, however busy the machine is.
/// </summary>
internal static class BurstClock
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RealPause = TimeSpan.FromMilliseconds(5);

    public static async Task<T> RunAsync<T>(
        FakeTimeProvider clock, DigitalOceanFake fake, AnsweredAttempts answered, Task<T> work, TimeSpan realLimit)
    {
        var deadline = DateTime.UtcNow + realLimit;
        var seen = fake.Traffic;
        while (!work.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The paced work did not finish within {realLimit} of real time.");
            await Task.Delay(RealPause);
            var now = fake.Traffic;
            if (now.InFlight == 0 && now.Arrived == seen.Arrived && answered.Count >= now.Arrived)
            {
                clock.Advance(Step);
            }

            seen = now;
        }

        return await work;
    }
}
