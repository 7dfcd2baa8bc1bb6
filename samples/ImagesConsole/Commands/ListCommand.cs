using System.CommandLine;
using EFCore.DigitalOcean;
using ImagesConsole.Output;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole.Commands;

/// <summary><c>list</c>: images as a table or JSON, newest first, filtered by catalogue, tag, name, type and age.</summary>
internal sealed class ListCommand : ImagesCommand
{
    private readonly Option<bool> _distributions = new("--distributions") { Description = "Only public OS distribution images." };
    private readonly Option<bool> _applications = new("--applications") { Description = "Only 1-Click application images." };
    private readonly Option<bool> _private = new("--private") { Description = "Only your own snapshots, backups and custom images." };
    private readonly Option<string?> _tag = new("--tag") { Description = "Only images with this tag.", HelpName = "tag" };

    private readonly Option<string?> _nameContains = new("--name-contains")
    {
        Description = "Only images whose name contains this text (any case).",
        HelpName = "text",
    };

    private readonly Option<string?> _type = TypeOption.Create("Only images of this type.");

    private readonly Option<TimeSpan?> _olderThan = DurationArgument.Optional("--older-than", "Only images created longer ago than this.");

    private readonly Option<int?> _top = new("--top")
    {
        Description = "At most this many images (the newest).",
        HelpName = "n",
        CustomParser = result => ValueParsers.Count(minimum: 1)(result),
    };

    private readonly TableOptions<Image> _table = new(ImageColumns.All);

    public ListCommand(AppEnvironment environment, GlobalOptions globals)
        : base("list", "List images, newest first.", environment, globals)
    {
        Options.Add(_distributions);
        Options.Add(_applications);
        Options.Add(_private);
        Options.Add(_tag);
        Options.Add(_nameContains);
        Options.Add(_type);
        Options.Add(_olderThan);
        Options.Add(_top);
        _table.AddTo(this);
        Validators.Add(result =>
        {
            if (new[] { _distributions, _applications, _private }.Count(option => result.GetValue(option)) > 1)
            {
                result.AddError("Use at most one of --distributions, --applications and --private: the API lists one catalogue at a time.");
            }
        });
    }

    protected override string Purpose(CommandContext context) => "list images";

    protected override async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var session = context.OpenSession();
        var images = await Query(context, session.Db.Images).AsNoTracking().ToListAsync(cancellationToken);

        if (context.Json)
        {
            context.WriteJson<IReadOnlyList<ImageOutput>>([.. images.Select(ImageOutput.From)], OutputJson.Context.IReadOnlyListImageOutput);
        }
        else
        {
            _table.Write(context, images);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    ///     One query: the scope and the tag become request parameters (the provider sends a tag only without a scope); name, type
    ///     and age are checked on the rows as they arrive; the ordering needs the whole listing, then Take keeps the newest.
    /// </summary>
    private IQueryable<Image> Query(CommandContext context, IQueryable<Image> images)
    {
        if (context.Get(_distributions))
        {
            images = images.Distributions();
        }
        else if (context.Get(_applications))
        {
            images = images.Applications();
        }
        else if (context.Get(_private))
        {
            images = images.PrivateOnly();
        }

        if (context.Get(_tag) is { } tag)
        {
            images = images.Where(i => i.Tags.Contains(tag));
        }

        if (context.Get(_nameContains) is { } text)
        {
            images = images.Where(i => i.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        if (context.Get(_type) is { } type)
        {
            images = images.Where(i => i.Type == type);
        }

        if (context.Get(_olderThan) is { } age)
        {
            var cutoff = DateTimeOffset.UtcNow - age;
            images = images.Where(i => i.CreatedAt < cutoff);
        }

        images = images.OrderByDescending(i => i.CreatedAt);
        return context.Get(_top) is { } top ? images.Take(top) : images;
    }
}
