using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>
///     A create (POST) is retried only on 429, which the API answers before doing anything: after a 5xx or a timeout the image
///     may exist already, and a second POST would import it twice.
/// </summary>
public class CreateUnderFaultTests
{
    private const string ImageName = "imported-under-fault";

    private const string ExpectedBody
        = """{"name":"imported-under-fault","url":"https://example.com/disk.qcow2","region":"nyc3","distribution":"Debian"}""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_create_answered_with_500_is_sent_once_keeps_its_entry_Added_and_reports_the_error(bool appliedBeforeFailing)
    {
        using var cloud = FaultyCloud.Start();
        cloud.Fake.InjectFault(new FakeFault { Method = "POST", StatusCode = 500, ApplyBeforeFailing = appliedBeforeFailing });
        using var db = cloud.CreateFastContext();
        var image = NewImage();
        db.Images.Add(image);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        var apiError = Assert.IsType<DigitalOceanApiException>(error.InnerException);
        Assert.Equal(500, (int)apiError.StatusCode);
        Assert.Contains($"The new Image '{ImageName}' (POST): POST /v2/images failed with 500 server_error", error.Message);
        Assert.Equal(EntityState.Added, db.Entry(image).State);
        Assert.Equal(appliedBeforeFailing ? 1 : 0, cloud.Fake.Images.Count(i => i.Name == ImageName));
        var post = Assert.Single(cloud.Requests);
        Assert.Equal(("POST", "/v2/images", 500), (post.Method, post.Path, post.StatusCode));
        Assert.Equal(ExpectedBody, post.Body);
    }

    [Fact]
    public async Task A_create_answered_with_429_is_retried_and_creates_exactly_one_image()
    {
        using var cloud = FaultyCloud.Start();
        cloud.Fake.InjectFault(new FakeFault { Method = "POST", StatusCode = 429, RetryAfterSeconds = 0 });
        using var db = cloud.CreateFastContext();
        var image = NewImage();
        db.Images.Add(image);

        await db.SaveChangesAsync();

        var created = Assert.Single(cloud.Fake.Images, i => i.Name == ImageName);
        Assert.Equal(created.Id, image.Id);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        Assert.Equal([429, 202], cloud.Requests.Statuses("POST"));
        Assert.All(cloud.Requests, r => Assert.Equal(("POST", "/v2/images", ExpectedBody), (r.Method, r.Path, r.Body)));
    }

    [Fact]
    public async Task A_create_that_times_out_is_not_retried_and_reports_a_TimeoutException()
    {
        using var cloud = FaultyCloud.Start();
        cloud.Fake.InjectFault(new FakeFault { Method = "POST", Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(5) });
        using var db = cloud.CreateFastContext(o => o.RequestTimeout(TimeSpan.FromMilliseconds(300)));
        var image = NewImage();
        db.Images.Add(image);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        var timeout = Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal("POST /v2/images got no response within 0.3 s.", timeout.Message);
        Assert.Equal(EntityState.Added, db.Entry(image).State);

        // The slow answer still created the image on the server: exactly once.
        Assert.Single(cloud.Fake.Images, i => i.Name == ImageName);
        var post = Assert.Single(cloud.Requests);
        Assert.Equal(("POST", "/v2/images"), (post.Method, post.Path));
    }

    [Fact]
    public async Task When_one_create_of_a_batch_times_out_the_others_are_accepted_and_every_image_exists_once()
    {
        using var cloud = FaultyCloud.Start();
        cloud.Fake.InjectFault(new FakeFault
        {
            Method = "POST", When = r => r.Body!.Contains("\"slow\""), Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(30)
        });

        // Long enough for the fast create on a loaded machine, far shorter than the slow one.
        using var db = cloud.CreateFastContext(o => o.RequestTimeout(TimeSpan.FromSeconds(2)));
        var fast = new Image { Name = "fast", Url = "https://example.com/fast.img", Region = "nyc3" };
        var slow = new Image { Name = "slow", Url = "https://example.com/slow.img", Region = "nyc3" };
        db.Images.AddRange(fast, slow);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Same(slow, Assert.Single(error.Entries).Entity);
        Assert.Equal(EntityState.Unchanged, db.Entry(fast).State);
        Assert.Equal(cloud.Fake.Images.Single(i => i.Name == "fast").Id, fast.Id);
        Assert.Equal(EntityState.Added, db.Entry(slow).State);
        Assert.Equal(["fast", "slow"], cloud.Fake.Images.Select(i => i.Name).Order());
        RequestAssert.Sent(cloud.Requests, "POST /v2/images", "POST /v2/images");
    }

    private static Image NewImage()
        => new() { Name = ImageName, Url = "https://example.com/disk.qcow2", Region = "nyc3", Distribution = "Debian" };
}
