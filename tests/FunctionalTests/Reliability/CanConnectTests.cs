using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary><c>CanConnect</c> answers the question: false when the API does not answer in time, never an exception.</summary>
public class CanConnectTests
{
    [Fact]
    public async Task CanConnect_is_false_when_the_API_does_not_answer_in_time()
    {
        using var cloud = FaultyCloud.Start();
        cloud.Fake.InjectFault(new FakeFault { Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(8), Times = 2 });
        using var db = cloud.CreateFastContext(o => o.RequestTimeout(TimeSpan.FromSeconds(1)).MaxRetries(0));

        Assert.False(db.Database.CanConnect());
        Assert.False(await db.Database.CanConnectAsync());

        // Both slow answers; on a loaded machine an attempt may time out before its request reaches the fake.
        Assert.InRange(cloud.Requests.Count, 0, 2);
        Assert.All(cloud.Requests, r => Assert.Equal(("GET", "/v2/images", "?per_page=1&page=1"), (r.Method, r.Path, r.QueryString)));
    }
}
