using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Pacing;

/// <summary>What a run of requests did to the burst limit, measured on the fake's clock from when each request arrived.</summary>
internal sealed record BurstRate(int Requests, double PerMinute, int MostInAnyWindow)
{
    public static BurstRate Of(IReadOnlyList<RecordedRequest> requests, TimeSpan window)
    {
        var arrivals = requests.Select(r => r.ReceivedAt).Order().ToArray();
        var elapsed = arrivals[^1] - arrivals[0];
        var most = 0;
        var first = 0;
        for (var last = 0; last < arrivals.Length; last++)
        {
            // The API's window: every request that arrived less than one window before this one.
            while (arrivals[first] + window <= arrivals[last])
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return new BurstRate(arrivals.Length, arrivals.Length / (elapsed / window), most);
    }

    public override string ToString()
        => $"{Requests} requests at {PerMinute:0.0} per window, at most {MostInAnyWindow} in any window";
}
