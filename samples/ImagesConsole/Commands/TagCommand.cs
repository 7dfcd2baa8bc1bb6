using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary>
///     <c>tag</c>: adds tags to one image, or with <c>--where-name-contains</c> to every image of yours whose name contains the
///     text. It is one SaveChanges either way, and the provider sends one request per tag listing every image that gains it.
/// </summary>
internal sealed class TagCommand : ImagesCommand
{
    private readonly Argument<string[]> _values = new("id-and-tags")
    {
        Description = "The image id, then the tags; with --where-name-contains, only the tags.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> _nameContains = new("--where-name-contains")
    {
        Description = "Tag every image of yours whose name contains this text (any case), instead of one image.",
        HelpName = "text",
        CustomParser = ValueParsers.NonBlank,
    };

    public TagCommand(AppEnvironment environment, GlobalOptions globals)
        : base("tag", "Add tags to one of your images, or to many by name.", environment, globals)
    {
        Arguments.Add(_values);
        Options.Add(_nameContains);
        Validators.Add(Validate);
    }

    protected override string Purpose(CommandContext context)
        => context.Get(_nameContains) is { } text ? $"tag the images whose name contains '{text}'" : $"tag image {context.Get(_values)![0]}";

    protected override Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Get(_values)!;
        if (context.Get(_nameContains) is { } text)
        {
            return TagManyAsync(context, text, values, cancellationToken);
        }

        var tags = values[1..];
        return ImageUpdate.RunAsync(
            context, long.Parse(values[0], CultureInfo.InvariantCulture), Purpose(context),
            image => AddTags(image, tags),
            cancellationToken);
    }

    private async Task<int> TagManyAsync(CommandContext context, string text, string[] tags, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var images = await session.Db.Images.PrivateOnly()
            .Where(i => i.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToListAsync(cancellationToken);
        if (images.Count == 0)
        {
            return context.Fail($"could not {Purpose(context)}: no image of yours has such a name");
        }

        foreach (var image in images)
        {
            AddTags(image, tags);
        }

        await session.Db.SaveChangesAsync(cancellationToken);
        context.Inform($"Tagged {DeletionSummary.Images(images.Count)} with {string.Join(", ", tags)}: {string.Join(", ", images.Select(i => i.Id))}.");
        return ExitCodes.Success;
    }

    // Tags compare in any case, as the API's do: "WEB" on an image tagged "web" is no change.
    private static void AddTags(Image image, IEnumerable<string> tags)
        => image.Tags = [.. image.Tags, .. tags.Where(t => !image.Tags.Contains(t, StringComparer.OrdinalIgnoreCase))];

    private void Validate(CommandResult result)
    {
        var values = result.GetValue(_values) ?? [];
        var byName = result.GetResult(_nameContains) is not null;
        var tags = byName ? values : values.Skip(1).ToArray();
        if (!byName && (values.Length < 2 || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0))
        {
            result.AddError("tag takes an image id (a positive whole number) and at least one tag, or --where-name-contains TEXT and tags.");
            return;
        }

        if (TagCheck.Invalid(tags) is { } error)
        {
            result.AddError(error);
        }
    }
}
