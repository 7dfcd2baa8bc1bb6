using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary>
///     What <c>rename</c> and <c>describe</c> share: load the image by id (one GET), change a property, save. The provider sends
///     a PUT with only the properties that changed, and none when nothing did. A public image is refused before any PUT: it
///     belongs to DigitalOcean, and the API would only answer that it is not found.
/// </summary>
internal static class ImageUpdate
{
    /// <param name="context">The invocation.</param>
    /// <param name="id">The image.</param>
    /// <param name="purpose">What the command does, for its messages: <c>rename image 3001</c>.</param>
    /// <param name="change">Sets the property.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static Task<int> RunAsync(
        CommandContext context, long id, string purpose, Action<Image> change, CancellationToken cancellationToken)
        => RunAsync(context, id, purpose, image =>
        {
            change(image);
            return null;
        }, afterSave: null, cancellationToken);

    /// <param name="context">The invocation.</param>
    /// <param name="id">The image.</param>
    /// <param name="purpose">What the command does, for its messages: <c>convert image 3001</c>.</param>
    /// <param name="change">Sets the properties, or returns why the image cannot be changed so (nothing is sent then).</param>
    /// <param name="afterSave">Runs once the changes are saved (<c>--wait</c>); a non-zero exit code ends the command.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<int> RunAsync(
        CommandContext context, long id, string purpose, Func<Image, string?> change,
        Func<ImagesContext, Image, Task<int>>? afterSave, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var image = await session.Db.Images.Where(i => i.Id == id).FirstOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return context.Fail($"could not {purpose}: no image has this id");
        }

        if (image.Public)
        {
            return context.Fail($"could not {purpose}: it is a public image");
        }

        if (change(image) is { } refusal)
        {
            return context.Fail($"could not {purpose}: {refusal}");
        }

        try
        {
            await session.Db.SaveChangesAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The PUT may have reached the API before the answer was abandoned.
            context.Inform($"Cancelled while saving: image {id} may or may not have changed; 'show {id}' tells.");
            return ExitCodes.Cancelled;
        }

        if (afterSave is not null && await afterSave(session.Db, image) is var exitCode and not ExitCodes.Success)
        {
            return exitCode;
        }

        context.WriteImage(image);
        return ExitCodes.Success;
    }
}
