using System.CommandLine;

namespace ImagesConsole.Commands;

/// <summary><c>rename</c>: changes an image's name.</summary>
internal sealed class RenameCommand : ImagesCommand
{
    private readonly Argument<long> _id = new("id") { Description = "The image id." };
    private readonly Argument<string> _name = new("new-name") { Description = "The new name." };

    public RenameCommand(AppEnvironment environment, GlobalOptions globals)
        : base("rename", "Rename an image.", environment, globals)
    {
        Arguments.Add(_id);
        Arguments.Add(_name);
    }

    protected override Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.Get(_name)!;
        return ImageUpdate.RunAsync(context, context.Get(_id), image => image.Name = name, cancellationToken);
    }
}
