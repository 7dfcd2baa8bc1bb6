using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The API always exists and cannot be created or dropped; <c>CanConnect</c> makes one cheap authenticated request, and
///     is false when the API cannot be reached, refuses the token, or does not answer in time. It reads the runtime model: the
///     design-time one would be built from <c>OnModelCreating</c> even when the context uses a compiled model (and cannot be
///     under NativeAOT).
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
        try
        {
            await ProbeAsync(singleAttempt: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is DigitalOceanApiException or HttpRequestException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The resource <see cref="ProbeAsync" /> reads: the first one the model maps that is listed on its own.</summary>
    public ApiResource ProbedResource => resources.Get(ProbedEntityType);

    /// <summary>
    ///     The one cheap authenticated request of <c>CanConnect</c> and the health check: one item of the first mapped
    ///     resource's listing (one listed per parent, such as an image's actions, has no listing of its own). Returns what the API then says of the token's rate limit.
    /// </summary>
    public Task<RateLimitSnapshot> ProbeAsync(bool singleAttempt, CancellationToken cancellationToken)
    {
        var entityType = ProbedEntityType;
        var resource = resources.Get(entityType);
        var request = new ApiListRequest(resource, [], PerPage: 1);
        return client.ProbeAsync(request, ResourceRowReader.For(entityType, resource), singleAttempt, cancellationToken);
    }

    private IEntityType ProbedEntityType
        => model.GetEntityTypes().First(e => resources.Find(e.ClrType) is { ParentKeyProperty: null });

    private static NotSupportedException NotSupported() => new("The DigitalOcean API cannot be deleted.");
}
