using System.CommandLine;
using EFCore.DigitalOcean;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>transfer</c>: copies an image to more regions. The image's <c>Regions</c> gain them and SaveChanges sends one
///     <c>POST /v2/images/{id}/actions</c> transfer per new region; <c>--wait</c> follows each one to the end.
/// </summary>
internal sealed class TransferCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The image id.", CustomParser = ValueParsers.ImageId };

    private readonly Option<string[]> _regions = new("--region")
    {
        Description = "A region to copy the image to, such as sfo3; repeat or list several.",
        HelpName = "region",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = ValueParsers.RegionSlugs,
    };

    private readonly WaitOptions _wait;

    public TransferCommand(AppEnvironment environment, GlobalOptions globals)
        : base("transfer", "Copy one of your images to other regions.", environment, globals)
    {
        Arguments.Add(_id);
        Options.Add(_regions);
        _wait = new WaitOptions(this, "Wait until every transfer has completed, with a progress row each.");
    }

    protected override string Purpose(CommandContext context) => $"transfer image {context.Get(_id)}";

    protected override Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var requested = context.Get(_regions)!;
        IReadOnlyList<string> added = [];
        return ImageUpdate.RunAsync(
            context,
            context.Get(_id),
            Purpose(context),
            image =>
            {
                added = [.. requested.Except(image.Regions, StringComparer.Ordinal)];
                if (added.Count == 0)
                {
                    // What was asked for holds already: nothing to send, and nothing to wait for.
                    context.Inform($"Image {image.Id} is already in {string.Join(", ", requested)}: nothing to transfer.");
                    return null;
                }

                image.Regions = [.. image.Regions, .. added];
                return null;
            },
            _wait.Waits(context)
                ? (db, image) => ActionWait.RunAsync(
                    context, db, image, [.. added.Select(region => ActionWait.Describe(ImageActionTypes.Transfer, region))], _wait.Timeout(context),
                    cancellationToken)
                : null,
            cancellationToken);
    }
}
