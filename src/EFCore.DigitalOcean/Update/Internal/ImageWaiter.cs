using System.Net;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     Waits for everything this context started on an image: its import (the image's status) and its actions (each polled on
///     the image's own path, <c>GET /v2/images/{id}/actions/{aid}</c>, which a token with only <c>image:read</c> may read; a
///     404 just after the POST means "not yet"). The interval grows to about a minute, as large transfers take half an hour.
///     Once nothing is in progress, one GET of the image makes its values the server's.
/// </summary>
internal static class ImageWaiter
{
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(60);
    private static readonly IReadOnlyList<HttpStatusCode> NotYet = [HttpStatusCode.NotFound];

    public static async Task WaitAsync(
        EntityEntry<Image> entry, ApiResource resource, DigitalOceanClient client, StartedActions started, TimeProvider clock,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var image = entry.Entity;
        var keySegment = ApiResource.KeySegment(image.Id);
        var itemPath = resource.ItemPath(keySegment);
        var entityType = entry.Metadata;
        var deadline = clock.GetUtcNow() + timeout;
        var interval = FirstPollInterval;
        var reload = image.Status != ImageStatuses.Available;
        while (true)
        {
            if (reload)
            {
                await ReloadAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            var polled = started.For(entityType, keySegment);
            var pending = new List<StartedAction>();
            foreach (var action in polled)
            {
                if (await PollAsync(client, itemPath, resource, action, cancellationToken).ConfigureAwait(false) is { } status
                    && status != ImageActionStatuses.InProgress)
                {
                    started.Finished(entityType, keySegment, action);
                    if (status != ImageActionStatuses.Completed)
                    {
                        throw new DigitalOceanActionFailedException(image.Id, action.Id, action.Type, action.RegionSlug, status);
                    }

                    continue;
                }

                pending.Add(action);
            }

            var importing = image.Status != ImageStatuses.Available;
            if (!importing && pending.Count == 0)
            {
                // The last read of the image comes after the last action completed, so that its regions and type are new.
                if (!reload || polled.Count > 0)
                {
                    await ReloadAsync(entry, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    DigitalOceanStrings.StillInProgress(
                        image.Id, image.Name, image.Status, pending.Select(a => DigitalOceanStrings.DescribeAction(a.Type, a.RegionSlug))));
            }

            await Task.Delay(interval < remaining ? interval : remaining, clock, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
            reload = importing;
        }
    }

    /// <summary>The action's status; null while the API does not know it yet (a 404 just after the POST).</summary>
    private static async Task<string?> PollAsync(
        DigitalOceanClient client, string itemPath, ApiResource resource, StartedAction action, CancellationToken cancellationToken)
    {
        var body = await client.SendAsync(
                HttpMethod.Get,
                itemPath + "/" + resource.ActionsPath + "/" + ApiResource.KeySegment(action.Id),
                null,
                JsonBodies.Reader(DigitalOceanJsonContext.Default.ActionBody),
                NotYet,
                cancellationToken)
            .ConfigureAwait(false);
        return body?.Action?.Status;
    }

    private static async Task ReloadAsync(EntityEntry<Image> entry, CancellationToken cancellationToken)
    {
        var id = entry.Entity.Id;
        await entry.ReloadAsync(cancellationToken).ConfigureAwait(false);
        if (entry.State == EntityState.Detached)
        {
            throw new DigitalOceanImageNotFoundException(id);
        }

        if (entry.Entity.Status == ImageStatuses.Deleted)
        {
            throw new DigitalOceanImportFailedException(id, entry.Entity.Name, entry.Entity.ErrorMessage);
        }
    }
}
