namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>Waits, in real time, for something another thread does: a request reaching the fake, a query finishing.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);

    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up after {Limit.TotalSeconds} s waiting for {what}.");
            await Task.Delay(Step);
        }
    }
}
