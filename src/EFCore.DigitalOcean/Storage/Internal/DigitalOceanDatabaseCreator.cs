using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The API always exists and cannot be created or dropped; <c>CanConnect</c> makes one cheap authenticated request, and
///     is false when the API cannot be reached, refuses the token, or does not answer in time.
/// </summary>
internal sealed class DigitalOceanDatabaseCreator(DigitalOceanClient client, ICurrentDbContext currentContext) : IDatabaseCreator
{
    public bool EnsureDeleted() => throw NotSupported();

    public Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default) => throw NotSupported();

    public bool EnsureCreated() => false;

    public Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);

    public bool CanConnect() => CanConnectAsync().GetAwaiter().GetResult();

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        // The runtime model: the design-time one would build the whole model again (and cannot under NativeAOT).
        var entityType = currentContext.Context.Model.GetEntityTypes().First(e => ApiResources.Find(e.ClrType) is not null);
        var request = new ApiListRequest(ApiResources.Get(entityType), [], PerPage: 1);
        try
        {
            await client.CountAsync(request, ResourceRowReader.For(entityType), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is DigitalOceanApiException or HttpRequestException or TimeoutException)
        {
            return false;
        }
    }

    private static NotSupportedException NotSupported() => new("The DigitalOcean API cannot be deleted.");
}
