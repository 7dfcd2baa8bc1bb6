using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>ToQueryString()</c> shows what the user wrote, not EF's internal form of it.</summary>
public class UserExpressionDisplayTests
{
    [Fact]
    public void A_tag_condition_evaluated_in_memory_reads_as_written()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateContext();

        var text = db.Images.PrivateOnly().Where(i => i.Tags.Contains("prod") && i.Regions.Any(r => r.StartsWith("nyc"))).ToQueryString();

        // EF names the inner lambda's parameter itself; the rest is the user's own expression.
        Assert.Contains("-- evaluated in memory: Where(i => i.Tags.Contains(\"prod\") && i.Regions.Any(", text);
        Assert.Contains(".StartsWith(\"nyc\")))", text);
        Assert.DoesNotContain("EF.Property", text);
        Assert.DoesNotContain("AsQueryable", text);
        RequestAssert.NoneSent(cloud.Requests);
    }
}
