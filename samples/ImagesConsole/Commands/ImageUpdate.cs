using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary>
///     What <c>rename</c> and <c>describe</c> share: load the image by id (one GET), change a property, save. The provider sends
///     a PUT with only the properties that changed, and none when nothing did.
/// </summary>
internal static class ImageUpdate
{
    public static async Task<int> RunAsync(
        CommandContext context, long id, Action<Image> change, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var image = await session.Db.Images.Where(i => i.Id == id).FirstOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return context.Fail($"no image has the id {id}.");
        }

        change(image);
        await session.Db.SaveChangesAsync(cancellationToken);
        context.WriteImage(image);
        return ExitCodes.Success;
    }
}
