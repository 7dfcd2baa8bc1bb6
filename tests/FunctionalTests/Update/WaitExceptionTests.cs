using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>A failed import and a vanished image end a wait with exceptions a caller can tell apart and catch.</summary>
public class WaitExceptionTests
{
    [Fact]
    public async Task A_failed_import_is_a_DigitalOceanImportFailedException_with_the_APIs_error_message()
    {
        using var cloud = TestCloud.Start(new DigitalOceanFakeOptions { ImportPolls = 1 });
        using var db = cloud.CreateWriteContext();
        var image = await CreateAsync(db, "https://images.example.com/import-fails.img");

        var exception = await Assert.ThrowsAsync<DigitalOceanImportFailedException>(() => db.Images.WaitUntilAvailableAsync(image));

        Assert.Equal(image.Id, exception.ImageId);
        Assert.Equal(cloud.Fake.FindImage(image.Id)!.ErrorMessage, exception.ErrorMessage);
        Assert.StartsWith("We had a problem decompressing your file", exception.ErrorMessage);
        Assert.Contains(exception.ErrorMessage!, exception.Message);
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

    private static async Task<Image> CreateAsync(CloudContext db, string url)
    {
        var image = new Image { Name = "talos", Url = url, Region = "nyc3" };
        db.Images.Add(image);
        await db.SaveChangesAsync();
        return image;
    }
}
