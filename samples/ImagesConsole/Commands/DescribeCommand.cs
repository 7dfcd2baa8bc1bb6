using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary><c>describe</c>: changes an image's description.</summary>
internal sealed class DescribeCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The image id." };
    private readonly Argument<string> _text = new("text") { Description = "The new description." };

    public DescribeCommand(AppEnvironment environment, GlobalOptions globals)
        : base("describe", "Set an image's description.", environment, globals)
    {
        Arguments.Add(_id);
        Arguments.Add(_text);
    }

    protected override Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = context.Get(_text)!;
        return ImageUpdate.RunAsync(context, context.Get(_id), image => image.Description = text, cancellationToken);
    }
}
