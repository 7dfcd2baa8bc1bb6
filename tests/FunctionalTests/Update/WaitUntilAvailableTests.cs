using System.Diagnostics;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>
///     <c>WaitUntilAvailableAsync</c> polls a created image (one GET each time) until its import finishes, fails or runs out of time.
/// </summary>
public class WaitUntilAvailableTests
{
    [Fact]
    public async Task A_created_image_is_available_after_the_import_polls()
    {
        // The fake's default import: the first GET shows "pending", the second "available".
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateWriteContext();
        var image = await CreateAsync(db, "https://images.example.com/talos.qcow2");
        cloud.Fake.ClearRequests();

        await db.Images.WaitUntilAvailableAsync(image);

        Assert.Equal(ImageStatuses.Available, image.Status);
        Assert.Equal(["nyc3"], image.Regions);
        Assert.NotNull(image.SizeGigabytes);
        Assert.Equal(EntityState.Unchanged, db.Entry(image).State);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{image.Id}", $"GET /v2/images/{image.Id}");
    }

    [Fact]
    public async Task A_failed_import_throws_with_the_error_message_of_the_api()
    {
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions { ImportPolls = 1 });
        using var db = cloud.CreateWriteContext();
        var image = await CreateAsync(db, "https://images.example.com/import-fails.img");
        cloud.Fake.ClearRequests();

        var exception = await Assert.ThrowsAsync<DigitalOceanImportFailedException>(() => db.Images.WaitUntilAvailableAsync(image));

        Assert.Equal(ImageStatuses.Deleted, image.Status);
        Assert.StartsWith("We had a problem decompressing your file", image.ErrorMessage);
        Assert.Equal(cloud.Fake.FindImage(image.Id)!.ErrorMessage, exception.ErrorMessage);
        Assert.Equal(image.Id, exception.ImageId);
        Assert.Contains(image.ErrorMessage!, exception.Message);
        Assert.Contains(image.Id.ToString(), exception.Message);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{image.Id}");
    }

    [Fact]
    public async Task A_vanished_image_is_a_DigitalOceanImageNotFoundException_and_is_detached()
    {
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions { ImportDuration = TimeSpan.FromHours(1) });
        using var db = cloud.CreateWriteContext();
        var image = await CreateAsync(db, "https://images.example.com/talos.qcow2");
        cloud.Fake.RemoveImage(image.Id);
        cloud.Fake.ClearRequests();

        var exception = await Assert.ThrowsAsync<DigitalOceanImageNotFoundException>(() => db.Images.WaitUntilAvailableAsync(image));

        Assert.Equal(image.Id, exception.ImageId);
        Assert.Equal($"Image {image.Id} no longer exists.", exception.Message);
        Assert.Equal(EntityState.Detached, db.Entry(image).State);
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images/{image.Id}");
    }

    [Fact]
    public async Task A_timeout_names_the_last_status_seen()
    {
        // An import that takes an hour on the real clock stays "pending" for the whole test.
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions { ImportDuration = TimeSpan.FromHours(1) });
        using var db = cloud.CreateWriteContext();
        var image = await CreateAsync(db, "https://images.example.com/huge.img");
        cloud.Fake.ClearRequests();

        var waiting = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<TimeoutException>(
            () => db.Images.WaitUntilAvailableAsync(image, timeout: TimeSpan.FromMilliseconds(300)));

        Assert.Contains("'pending'", exception.Message);
        Assert.Contains(image.Id.ToString(), exception.Message);
        Assert.Equal(ImageStatuses.Pending, image.Status);
        Assert.True(waiting.Elapsed >= TimeSpan.FromMilliseconds(290), $"It gave up after {waiting.Elapsed}.");

        // One poll at once and one when the timeout is up; a first poll slowed by query compilation may be the only one,
        // and a timer that fires a hair early may add one. More would mean polling without waiting.
        Assert.InRange(cloud.Requests.Count, 1, 3);
        Assert.All(cloud.Requests, r => Assert.Equal($"GET /v2/images/{image.Id}", r.Method + " " + r.Path + r.QueryString));
    }

    [Fact]
    public async Task An_unsaved_image_cannot_be_waited_for()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateWriteContext();
        var image = new Image { Name = "talos", Url = "https://images.example.com/talos.qcow2", Region = "nyc3" };
        db.Images.Add(image);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Images.WaitUntilAvailableAsync(image));

        Assert.Contains("SaveChanges", exception.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }

    private static async Task<Image> CreateAsync(CloudContext db, string url)
    {
        var image = new Image { Name = "talos", Url = url, Region = "nyc3" };
        db.Images.Add(image);
        await db.SaveChangesAsync();
        Assert.Equal(ImageStatuses.New, image.Status);
        return image;
    }
}
