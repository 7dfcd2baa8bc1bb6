using System.CommandLine;
using EFCore.DigitalOcean;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>convert</c>: turns a backup into a snapshot, which outlives its Droplet. Setting <c>Type</c> makes SaveChanges send
///     one <c>POST /v2/images/{id}/actions {"type":"convert"}</c>; anything but a backup is refused before it.
/// </summary>
internal sealed class ConvertCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The backup's image id.", CustomParser = ValueParsers.ImageId };
    private readonly WaitOptions _wait;

    public ConvertCommand(AppEnvironment environment, GlobalOptions globals)
        : base("convert", "Convert one of your backups to a snapshot.", environment, globals)
    {
        Arguments.Add(_id);
        _wait = new WaitOptions(this, "Wait until the conversion has completed.");
    }

    protected override string Purpose(CommandContext context) => $"convert image {context.Get(_id)}";

    protected override Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
        => ImageUpdate.RunAsync(
            context,
            context.Get(_id),
            Purpose(context),
            image =>
            {
                if (image.Type != ImageTypes.Backup)
                {
                    return $"only a backup can be converted to a snapshot, and it is a {image.Type ?? "image of unknown type"}";
                }

                image.Type = ImageTypes.Snapshot;
                return null;
            },
            _wait.Waits(context)
                ? (db, image) => ActionWait.RunAsync(
                    context, db, image, [ActionWait.Describe(ImageActionTypes.Convert, null)], _wait.Timeout(context), cancellationToken)
                : null,
            cancellationToken);
}
