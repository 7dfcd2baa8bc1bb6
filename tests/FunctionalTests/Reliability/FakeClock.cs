using Microsoft.Extensions.Time.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>Drives a <see cref="FakeTimeProvider" /> while the provider waits on it, and measures the fake time that passed.</summary>
internal static class FakeClock
{
    private static readonly TimeSpan RealPause = TimeSpan.FromMilliseconds(5);

    /// <summary>
    ///     Moves <paramref name="clock" /> forward by <paramref name="step" />, pausing briefly in real time after each step so that
    ///     the provider can react, until <paramref name="done" /> holds. Returns how much fake time that took: at least the wait
    ///     the provider asked for, and a few steps more when the provider was slow to start its timer.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntil(FakeTimeProvider clock, TimeSpan step, Func<bool> done, string what)
    {
        var start = clock.GetUtcNow();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up advancing the fake clock waiting for {what}.");
            clock.Advance(step);
            await Task.Delay(RealPause);
        }

        return clock.GetUtcNow() - start;
    }
}
