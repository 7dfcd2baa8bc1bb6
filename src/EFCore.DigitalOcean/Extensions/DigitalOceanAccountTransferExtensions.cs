using EFCore.DigitalOcean;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Gives a snapshot image to another DigitalOcean account or team (<c>/v2/images/{id}/account_transfer</c>). The API has no
///     call that lists or reads transfers, so keep the transfer id that <c>StartAccountTransferAsync</c> returns.
/// </summary>
public static class DigitalOceanAccountTransferExtensions
{
    private const string TransferPath = "/account_transfer";

    /// <summary>Offers a snapshot to the account of <paramref name="recipientEmail" />, who accepts through an emailed link.</summary>
    /// <returns>The transfer id, for <c>CancelAccountTransferAsync</c>.</returns>
    /// <exception cref="InvalidOperationException">The image is not a saved snapshot; nothing is sent.</exception>
    /// <exception cref="DigitalOceanApiException">The API refused the transfer.</exception>
    public static Task<long> StartAccountTransferAsync(
        this DbSet<Image> images, Image image, string recipientEmail, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientEmail);
        return StartAsync(images, image, new AccountTransferRequest { RecipientEmail = recipientEmail }, cancellationToken);
    }

    /// <summary>
    ///     Gives a snapshot to the team <paramref name="recipientTeam" />. When the API accepts it at once (the id returned is 0,
    ///     for a team whose permissions allow it), the image has left this account and its entity is detached.
    /// </summary>
    /// <returns>The transfer id; 0 when the transfer is already done.</returns>
    /// <exception cref="InvalidOperationException">The image is not a saved snapshot; nothing is sent.</exception>
    /// <exception cref="DigitalOceanApiException">The API refused the transfer.</exception>
    public static Task<long> StartAccountTransferAsync(
        this DbSet<Image> images, Image image, Guid recipientTeam, CancellationToken cancellationToken = default)
    {
        if (recipientTeam == Guid.Empty)
        {
            throw new ArgumentException(DigitalOceanStrings.EmptyTeam, nameof(recipientTeam));
        }

        return StartAsync(images, image, new AccountTransferRequest { RecipientUuid = recipientTeam }, cancellationToken);
    }

    /// <summary>Accepts a transfer offered to the team <paramref name="recipientTeam" /> (a call the recipient makes).</summary>
    public static Task AcceptAccountTransferAsync(
        this DbSet<Image> images, long imageId, long transferId, Guid recipientTeam, CancellationToken cancellationToken = default)
        => SendAsync(images, imageId, "/accept", new AccountTransferRequest { TransferId = transferId, RecipientUuid = recipientTeam }, cancellationToken);

    /// <summary>Declines a transfer offered to this account (a call the recipient makes).</summary>
    public static Task DeclineAccountTransferAsync(
        this DbSet<Image> images, long imageId, long transferId, CancellationToken cancellationToken = default)
        => SendAsync(images, imageId, "/decline", new AccountTransferRequest { TransferId = transferId }, cancellationToken);

    /// <summary>Cancels a transfer this account started (a call the sender makes).</summary>
    public static Task CancelAccountTransferAsync(
        this DbSet<Image> images, long imageId, long transferId, CancellationToken cancellationToken = default)
        => SendAsync(images, imageId, "/cancel", new AccountTransferRequest { TransferId = transferId }, cancellationToken);

    private static async Task<long> StartAsync(
        DbSet<Image> images, Image image, AccountTransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(image);
        if (image.Id <= 0 || image.Type != ImageTypes.Snapshot)
        {
            throw new InvalidOperationException(DigitalOceanStrings.AccountTransferNotSnapshot(image.Id, image.Name, image.Type));
        }

        var answer = await images.GetService<DigitalOceanClient>()
            .SendAsync(
                HttpMethod.Post,
                ImagePath(images, image.Id) + TransferPath,
                JsonBodies.Write(request, DigitalOceanJsonContext.Default.AccountTransferRequest),
                JsonBodies.Reader(DigitalOceanJsonContext.Default.AccountTransferBody),
                cancellationToken)
            .ConfigureAwait(false);
        var transferId = answer?.TransferId
            ?? throw new DigitalOceanApiException(DigitalOceanStrings.AccountTransferNoId(image.Id), System.Net.HttpStatusCode.Created);

        // 0: accepted at once, so the image belongs to another account now.
        if (transferId == 0)
        {
            images.Entry(image).State = EntityState.Detached;
        }

        return transferId;
    }

    private static async Task SendAsync(
        DbSet<Image> images, long imageId, string call, AccountTransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        await images.GetService<DigitalOceanClient>()
            .SendAsync<AccountTransferBody>(
                HttpMethod.Post,
                ImagePath(images, imageId) + TransferPath + call,
                JsonBodies.Write(request, DigitalOceanJsonContext.Default.AccountTransferRequest),
                readBody: null,
                cancellationToken)
            .ConfigureAwait(false);
    }

    private static string ImagePath(DbSet<Image> images, long imageId)
        => images.GetService<ApiResourceTable>().Get(images.EntityType).ItemPath(ApiResource.KeySegment(imageId));
}
