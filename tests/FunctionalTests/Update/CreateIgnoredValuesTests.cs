using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.FunctionalTests.Update.Support;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Update;

/// <summary>
///     A value set on a new image that the create request cannot carry would be replaced by the server's without a word: it
///     is refused before any request, naming the property, as a change to it is refused on a tracked image.
/// </summary>
public class CreateIgnoredValuesTests
{
    public static TheoryData<string, Action<Image>> IgnoredValues => new()
    {
        { nameof(Image.Type), i => i.Type = ImageTypes.Snapshot },
        { nameof(Image.Public), i => i.Public = true },
        { nameof(Image.Slug), i => i.Slug = "my-image" },
        { nameof(Image.Id), i => i.Id = 424242 },
        { nameof(Image.Status), i => i.Status = ImageStatuses.Available },
        { nameof(Image.Regions), i => i.Regions = ["nyc3", "ams3"] },
        { nameof(Image.SizeGigabytes), i => i.SizeGigabytes = 2.5 },
    };

    [Theory]
    [MemberData(nameof(IgnoredValues))]
    public async Task A_value_the_API_ignores_on_create_is_refused_before_any_request(string property, Action<Image> set)
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateWriteContext();
        var image = new Image { Name = "talos", Url = "https://images.example.com/talos.qcow2", Region = "nyc3" };
        set(image);
        db.Images.Add(image);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains($"The new Image 'talos': {property} is set", exception.Message);
        Assert.Contains("A create carries only Name, Url, Region", exception.Message);
        RequestAssert.NoneSent(cloud.Requests);
        Assert.Equal(EntityState.Added, db.Entry(image).State);
    }

    [Fact]
    public async Task Every_field_a_create_carries_may_be_set()
    {
        using var cloud = TestCloud.Start();
        using var db = cloud.CreateWriteContext();
        db.Images.Add(new Image
        {
            Name = "talos", Url = "https://images.example.com/talos.qcow2", Region = "nyc3", Distribution = "Talos",
            Description = "nodes", Tags = ["k8s"]
        });

        Assert.Equal(1, await db.SaveChangesAsync());

        RequestAssert.Sent(cloud.Requests, "POST /v2/images");
    }
}
