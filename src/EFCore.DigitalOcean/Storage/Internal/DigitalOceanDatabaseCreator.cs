using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The API always exists and cannot be created or dropped; <c>CanConnect</c> makes one cheap authenticated request.
///     It reads the runtime model: the design-time one would be built from <c>OnModelCreating</c> even when the context uses
///     a compiled model.
/// </summary>
internal sealed class DigitalOceanDatabaseCreator(DigitalOceanClient client, IModel model) : IDatabaseCreator
{
    public bool EnsureDeleted() => throw NotSupported();

    public Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default) => throw NotSupported();

    public bool EnsureCreated() => false;

    public Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);

    public bool CanConnect() => CanConnectAsync().GetAwaiter().GetResult();

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        var entityType = model.GetEntityTypes().First(e => ApiResources.Find(e.ClrType) is not null);
        var request = new ApiListRequest(ApiResources.Get(entityType), [], PerPage: 1);
        try
        {
            await client.CountAsync(request, ResourceRowReader.For(entityType), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is DigitalOceanApiException or HttpRequestException)
        {
            return false;
        }
    }

    private static NotSupportedException NotSupported() => new("The DigitalOcean API cannot be deleted.");
}
