using System.CommandLine;
using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ImagesConsole.Commands;

/// <summary><c>import</c>: creates a custom image from a URL (one POST) and, with <c>--wait</c>, follows the import to the end.</summary>
internal sealed class ImportCommand : ImagesCommand
{
    // How often the spinner shows the status the provider's polling last saw; the polls themselves are the provider's.
    private static readonly TimeSpan SpinnerRefresh = TimeSpan.FromMilliseconds(200);

    private readonly Option<string> _name = new("--name") { Description = "The image's name.", Required = true };

    private readonly Option<string> _url = new("--url")
    {
        Description = "Where to download the image from: raw, qcow2, vhdx, vdi or vmdk, optionally gzip or bzip2 compressed.",
        Required = true,
    };

    private readonly Option<string> _region = new("--region") { Description = "The region to import into, such as nyc3.", Required = true };

    private readonly Option<string?> _distribution = new("--distribution")
    {
        Description = "The OS family, such as Ubuntu or Debian; the API stores others as Unknown.",
    };

    private readonly Option<string?> _description = new("--description") { Description = "A free-form description.", HelpName = "text" };

    private readonly Option<string[]> _tags = new("--tag") { Description = "A tag to apply; repeat for more.", HelpName = "tag" };

    private readonly Option<bool> _wait = new("--wait") { Description = "Wait until the image is available, or the import fails." };

    private readonly Option<TimeSpan> _timeout = DurationArgument.WithDefault(
        "--timeout", "How long --wait waits at most.", TimeSpan.FromMinutes(30));

    public ImportCommand(AppEnvironment environment, GlobalOptions globals)
        : base("import", "Import a custom image from a URL.", environment, globals)
    {
        Options.Add(_name);
        Options.Add(_url);
        Options.Add(_region);
        Options.Add(_distribution);
        Options.Add(_description);
        Options.Add(_tags);
        Options.Add(_wait);
        Options.Add(_timeout);
    }

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var image = new Image
        {
            Name = context.Get(_name)!,
            Url = context.Get(_url),
            Region = context.Get(_region),
            Distribution = context.Get(_distribution),
            Description = context.Get(_description),
            Tags = [.. context.Get(_tags) ?? []],
        };
        session.Db.Images.Add(image);
        await session.Db.SaveChangesAsync(cancellationToken);
        context.Inform($"Started importing image {image.Id} '{image.Name}' (status {image.Status}).");

        if (context.Get(_wait))
        {
            try
            {
                await WaitAsync(context, session.Db, image, cancellationToken);
            }
            catch (InvalidOperationException) when (image.Status == ImageStatuses.Deleted)
            {
                return context.Fail($"the import of image {image.Id} '{image.Name}' failed: {image.ErrorMessage}");
            }

            context.Inform($"Image {image.Id} is available.");
        }

        context.WriteImage(image);
        return ExitCodes.Success;
    }

    /// <summary>Shows a spinner with the image's latest status while the provider polls it.</summary>
    private Task WaitAsync(CommandContext context, ImagesContext db, Image image, CancellationToken cancellationToken)
        => context.Environment.ErrorConsole.Status().StartAsync(
            StatusLine(image),
            async status =>
            {
                var waiting = db.Images.WaitUntilAvailableAsync(image, context.Get(_timeout), cancellationToken);
                while (await Task.WhenAny(waiting, Task.Delay(SpinnerRefresh)) != waiting)
                {
                    status.Status(StatusLine(image));
                }

                await waiting;
            });

    private static string StatusLine(Image image) => Markup.Escape($"Importing image {image.Id} '{image.Name}': {image.Status}");
}
