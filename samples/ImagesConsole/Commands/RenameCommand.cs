using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary><c>rename</c>: changes an image's name.</summary>
internal sealed class RenameCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The image id.", CustomParser = ValueParsers.ImageId };
    private readonly Argument<string> _name = new("new-name") { Description = "The new name.", CustomParser = ValueParsers.NonBlank };

    public RenameCommand(AppEnvironment environment, GlobalOptions globals)
        : base("rename", "Rename one of your images.", environment, globals)
    {
        Arguments.Add(_id);
        Arguments.Add(_name);
    }

    protected override string Purpose(CommandContext context) => $"rename image {context.Get(_id)}";

    protected override Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.Get(_name)!;
        return ImageUpdate.RunAsync(context, context.Get(_id), Purpose(context), image => image.Name = name, cancellationToken);
    }
}
