using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary><c>describe</c>: changes an image's description.</summary>
internal sealed class DescribeCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The image id.", CustomParser = ValueParsers.ImageId };
    private readonly Argument<string> _text = new("text") { Description = "The new description; \"\" clears it." };

    public DescribeCommand(AppEnvironment environment, GlobalOptions globals)
        : base("describe", "Set the description of one of your images.", environment, globals)
    {
        Arguments.Add(_id);
        Arguments.Add(_text);
    }

    protected override string Purpose(CommandContext context) => $"describe image {context.Get(_id)}";

    protected override Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = context.Get(_text)!;
        return ImageUpdate.RunAsync(context, context.Get(_id), Purpose(context), image => image.Description = text, cancellationToken);
    }
}
