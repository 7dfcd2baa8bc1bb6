using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>
///     EF's materialization interceptors see the values read from the API: the provider's rows are bound into EF's own
///     materializer, including the values an interceptor asks for before the instance exists.
/// </summary>
public class MaterializationInterceptorTests
{
    [Theory]
    [InlineData(QueryTrackingBehavior.NoTracking)]
    [InlineData(QueryTrackingBehavior.TrackAll)]
    public async Task An_interceptor_reads_each_row_s_values_and_sees_each_instance(QueryTrackingBehavior tracking)
    {
        var seed = FakeCatalog.PrivateImages(5);
        using var cloud = TestCloud.Start(seed);
        var interceptor = new RecordingInterceptor();
        using var db = cloud.CreateContext(o => o.PageSize(2), b => b.AddInterceptors(interceptor));
        db.ChangeTracker.QueryTrackingBehavior = tracking;

        var images = await db.Images.ToListAsync();

        Assert.Equal(seed.Select(i => (i.Id, i.Name, i.CreatedAt)), interceptor.ValuesBeforeCreation);
        Assert.Equal(images, interceptor.Instances);
        Assert.Equal(seed.Select(i => i.Name), images.Select(i => i.Name));
        RequestAssert.Sent(cloud.Requests, RequestAssert.Pages("GET /v2/images?per_page=2", 3));
    }

    private sealed class RecordingInterceptor : IMaterializationInterceptor
    {
        public List<(long Id, string Name, DateTimeOffset CreatedAt)> ValuesBeforeCreation { get; } = [];

        public List<object> Instances { get; } = [];

        public InterceptionResult<object> CreatingInstance(MaterializationInterceptionData materializationData, InterceptionResult<object> result)
        {
            ValuesBeforeCreation.Add((
                materializationData.GetPropertyValue<long>(nameof(Image.Id)),
                materializationData.GetPropertyValue<string>(nameof(Image.Name)),
                materializationData.GetPropertyValue<DateTimeOffset>(nameof(Image.CreatedAt))));
            return result;
        }

        public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
        {
            Instances.Add(entity);
            return entity;
        }
    }
}
