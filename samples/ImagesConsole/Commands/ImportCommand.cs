using System.CommandLine;
using EFCore.DigitalOcean;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ImagesConsole.Commands;

/// <summary><c>import</c>: creates a custom image from a URL (one POST) and, with <c>--wait</c>, follows the import to the end.</summary>
internal sealed class ImportCommand : ImagesCommand
{

    private readonly Option<string> _name = new("--name")
    {
        Description = "The image's name.",
        Required = true,
        CustomParser = ValueParsers.NonBlank,
    };

    private readonly Option<Uri> _url = new("--url")
    {
        Description = "Where to download the image from (http or https): raw, qcow2, vhdx, vdi or vmdk, optionally gzip or bzip2 compressed.",
        Required = true,
        CustomParser = result => ValueParsers.HttpUrl(result)!,
    };

    private readonly Option<string> _region = new("--region")
    {
        Description = "The region to import into, such as nyc3.",
        Required = true,
        CustomParser = ValueParsers.NonBlank,
    };

    private readonly Option<string?> _distribution = new("--distribution")
    {
        Description = "The OS family, such as Ubuntu or Debian; the API stores others as Unknown.",
    };

    private readonly Option<string?> _description = new("--description") { Description = "A free-form description.", HelpName = "text" };

    private readonly Option<string[]> _tags = new("--tag") { Description = "A tag to apply; repeat for more.", HelpName = "tag" };

    private readonly WaitOptions _wait;

    public ImportCommand(AppEnvironment environment, GlobalOptions globals)
        : base("import", "Import a custom image from a URL.", environment, globals)
    {
        Options.Add(_name);
        Options.Add(_url);
        Options.Add(_region);
        Options.Add(_distribution);
        Options.Add(_description);
        Options.Add(_tags);
        _wait = new WaitOptions(this, "Wait until the image is available, or the import fails.");
    }

    protected override string Purpose(CommandContext context) => $"import image '{context.Get(_name)}'";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var image = new Image
        {
            Name = context.Get(_name)!,
            Url = context.Get(_url)!.OriginalString,
            Region = context.Get(_region),
            Distribution = context.Get(_distribution),
            Description = context.Get(_description),
            Tags = [.. context.Get(_tags) ?? []],
        };
        session.Db.Images.Add(image);
        try
        {
            await session.Db.SaveChangesAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Inform(
                $"Cancelled while creating the image: the import of '{image.Name}' may or may not have started; "
                + $"'list --private --name-contains \"{image.Name}\"' tells.");
            return ExitCodes.Cancelled;
        }

        context.Inform($"Started importing image {image.Id} '{image.Name}' (status {image.Status}).");
        if (_wait.Waits(context) && await WaitAsync(context, session.Db, image, cancellationToken) is var failure and not ExitCodes.Success)
        {
            return failure;
        }

        context.WriteImage(image);
        return ExitCodes.Success;
    }

    /// <summary>Shows a spinner with the image's latest status while the provider polls it; says how the wait ended.</summary>
    private async Task<int> WaitAsync(CommandContext context, ImagesContext db, Image image, CancellationToken cancellationToken)
    {
        var timeout = _wait.Timeout(context);
        try
        {
            await context.Environment.ErrorConsole.Status().StartAsync(
                StatusLine(context, image),
                status => ActivityDisplay.WhileRunning(
                    db.Images.WaitUntilAvailableAsync(image, timeout, cancellationToken), () => status.Status(StatusLine(context, image))));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Inform(
                $"Cancelled: image {image.Id} '{image.Name}' was created and its import goes on (last status {image.Status}); "
                + $"nothing was deleted. 'show {image.Id}' follows it.");
            return ExitCodes.Cancelled;
        }
        catch (InvalidOperationException) when (image.Status == ImageStatuses.Deleted)
        {
            return context.Fail($"the import of image {image.Id} '{image.Name}' failed: {image.ErrorMessage}");
        }
        catch (InvalidOperationException) when (db.Entry(image).State == EntityState.Detached)
        {
            return context.Fail($"could not wait for image {image.Id} '{image.Name}': it was deleted while it was importing");
        }
        catch (TimeoutException)
        {
            return context.Fail(
                $"image {image.Id} '{image.Name}' was not available within {DurationArgument.Format(timeout)} "
                + $"(last status {image.Status}); the import goes on: 'show {image.Id}' follows it");
        }

        context.Inform($"Image {image.Id} is available.");
        return ExitCodes.Success;
    }

    private static string StatusLine(CommandContext context, Image image)
        => ActivityDisplay.Text($"Importing image {image.Id} '{image.Name}': {image.Status}", context.Activity);
}
