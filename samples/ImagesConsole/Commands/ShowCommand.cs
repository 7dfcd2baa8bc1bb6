using System.CommandLine;
using System.Globalization;
using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary><c>show</c>: every field of one image, by id or (for public images) by slug; one GET either way.</summary>
internal sealed class ShowCommand : ImagesCommand
{
    private readonly Argument<string> _idOrSlug = new("id-or-slug")
    {
        Description = "A numeric image id, or the slug of a public image such as ubuntu-24-04-x64.",
        CustomParser = ValueParsers.NonBlank,
    };

    public ShowCommand(AppEnvironment environment, GlobalOptions globals)
        : base("show", "Show every field of one image.", environment, globals)
        => Arguments.Add(_idOrSlug);

    protected override string Purpose(CommandContext context) => $"show image '{context.Get(_idOrSlug)}'";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var key = context.Get(_idOrSlug)!;
        await using var session = context.OpenSession();
        var images = session.Db.Images.AsNoTracking();
        var image = await (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? images.Where(i => i.Id == id)
                : images.Where(i => i.Slug == key))
            .FirstOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return context.Fail($"no image has the id or public slug '{key}'.");
        }

        context.WriteImage(image);
        return ExitCodes.Success;
    }
}
