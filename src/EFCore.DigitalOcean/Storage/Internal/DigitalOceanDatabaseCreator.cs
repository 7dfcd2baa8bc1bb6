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
internal sealed class DigitalOceanDatabaseCreator(DigitalOceanClient client, IModel model, ApiResourceTable resources)
    : IDatabaseCreator
{
    public bool EnsureDeleted() => throw NotSupported();

    public Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default) => throw NotSupported();

    public bool EnsureCreated() => false;

    public Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);

    public bool CanConnect() => CanConnectAsync().GetAwaiter().GetResult();

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        var entityType = model.GetEntityTypes().First(e => resources.Find(e.ClrType) is not null);
        var resource = resources.Get(entityType);
        var request = new ApiListRequest(resource, [], PerPage: 1);
        try
        {
            await client.CountAsync(request, ResourceRowReader.For(entityType, resource), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is DigitalOceanApiException or HttpRequestException)
        {
            return false;
        }
    }

    private static NotSupportedException NotSupported() => new("The DigitalOcean API cannot be deleted.");
}
