using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary><c>untag</c>: removes tags from one image; one request per tag it had, none for a tag it did not have.</summary>
internal sealed class UntagCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The image id.", CustomParser = ValueParsers.ImageId };
    private readonly Argument<string[]> _tags = new("tags") { Description = "The tags to remove.", Arity = ArgumentArity.OneOrMore };

    public UntagCommand(AppEnvironment environment, GlobalOptions globals)
        : base("untag", "Remove tags from one of your images.", environment, globals)
    {
        Arguments.Add(_id);
        Arguments.Add(_tags);
        Validators.Add(result =>
        {
            if (TagCheck.Invalid(result.GetValue(_tags) ?? []) is { } error)
            {
                result.AddError(error);
            }
        });
    }

    protected override string Purpose(CommandContext context) => $"untag image {context.Get(_id)}";

    protected override Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var tags = context.Get(_tags)!;
        return ImageUpdate.RunAsync(
            context, context.Get(_id), Purpose(context),
            image => image.Tags = [.. image.Tags.Where(t => !tags.Contains(t, StringComparer.OrdinalIgnoreCase))],
            cancellationToken);
    }
}
