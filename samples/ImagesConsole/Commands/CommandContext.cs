using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using EFCore.DigitalOcean;
using ImagesConsole.Output;

namespace ImagesConsole.Commands;

/// <summary>One invocation of a command: its parsed arguments, its environment, and the ways it reports back.</summary>
internal sealed class CommandContext(ParseResult parseResult, AppEnvironment environment, GlobalOptions globals)
{
    public AppEnvironment Environment => environment;

    public bool Json => parseResult.GetValue(globals.Json);

    public T? Get<T>(Option<T> option) => parseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => parseResult.GetValue(argument);

    public ImagesSession OpenSession()
        => ImagesSession.Open(environment, parseResult.GetValue(globals.BaseUrl), parseResult.GetValue(globals.Verbose));

    /// <summary>A message for the person at the terminal, on stderr.</summary>
    public void Inform(string message) => environment.Error.WriteLine(message);

    /// <summary>An error, on stderr.</summary>
    public void WriteError(string message) => environment.Error.WriteLine("error: " + message);

    /// <summary>Writes an error on stderr and returns the failure exit code.</summary>
    public int Fail(string message)
    {
        WriteError(message);
        return ExitCodes.Failure;
    }

    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo) => environment.Out.WriteLine(OutputJson.Serialize(value, typeInfo));

    /// <summary>Writes one image to stdout: every field, as JSON or as a two-column grid.</summary>
    public void WriteImage(Image image)
    {
        if (Json)
        {
            WriteJson(ImageOutput.From(image), OutputJson.Context.ImageOutput);
        }
        else
        {
            environment.OutConsole.Write(ImageViews.Details(image));
        }
    }
}
