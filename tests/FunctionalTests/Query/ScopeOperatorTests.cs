using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     <c>Distributions()</c>, <c>Applications()</c> and <c>PrivateOnly()</c> choose the catalogue; predicates on <c>Type</c> or
///     <c>Public</c> do not, because those attributes do not match the API's list parameters.
/// </summary>
public class ScopeOperatorTests
{
    public static TheoryData<string, string, ImageCategory> Scopes => new()
    {
        { nameof(DigitalOceanQueryableExtensions.Distributions), "type=distribution", ImageCategory.Distribution },
        { nameof(DigitalOceanQueryableExtensions.Applications), "type=application", ImageCategory.Application },
        { nameof(DigitalOceanQueryableExtensions.PrivateOnly), "private=true", ImageCategory.User },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task A_scope_operator_is_sent_as_its_list_parameter(string scope, string parameter, ImageCategory category)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = await Scoped(db.Images, scope).ToListAsync();

        var expected = cloud.Fake.Images.Where(i => i.Category == category).Select(i => i.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, $"GET /v2/images?{parameter}&per_page=200&page=1");
    }

    [Theory]
    [InlineData(nameof(DigitalOceanQueryableExtensions.Distributions), nameof(DigitalOceanQueryableExtensions.Applications))]
    [InlineData(nameof(DigitalOceanQueryableExtensions.Applications), nameof(DigitalOceanQueryableExtensions.PrivateOnly))]
    [InlineData(nameof(DigitalOceanQueryableExtensions.PrivateOnly), nameof(DigitalOceanQueryableExtensions.Distributions))]
    public void Two_scope_operators_are_rejected_before_any_request(string first, string second)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var query = Scoped(Scoped(db.Images, first).Where(i => i.Name != ""), second);

        var error = Assert.Throws<InvalidOperationException>(() => query.ToList());

        Assert.Contains(first + "()", error.Message);
        Assert.Contains(second + "()", error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void Type_equals_snapshot_is_evaluated_in_memory_not_sent_as_type()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => i.Type == ImageTypes.Snapshot).ToList();

        // Distribution and application images carry the type "snapshot" as well as the account's own snapshots.
        var expected = cloud.Fake.Images.Where(i => i.Type == ImageTypes.Snapshot).ToList();
        Assert.Contains(expected, i => i.Category != ImageCategory.User);
        Assert.Equal(expected.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    [Fact]
    public void Not_public_is_evaluated_in_memory_not_sent_as_private()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var images = db.Images.Where(i => !i.Public).ToList();

        // A marketplace image is not public without being the account's own.
        var expected = cloud.Fake.Images.Where(i => !i.Public).ToList();
        Assert.Contains(expected, i => i.Category == ImageCategory.Application);
        Assert.Equal(expected.Select(i => i.Id), images.Select(i => i.Id));
        RequestAssert.Sent(cloud.Requests, "GET /v2/images?per_page=200&page=1");
    }

    private static IQueryable<Image> Scoped(IQueryable<Image> source, string scope) => scope switch
    {
        nameof(DigitalOceanQueryableExtensions.Distributions) => source.Distributions(),
        nameof(DigitalOceanQueryableExtensions.Applications) => source.Applications(),
        nameof(DigitalOceanQueryableExtensions.PrivateOnly) => source.PrivateOnly(),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null)
    };
}
