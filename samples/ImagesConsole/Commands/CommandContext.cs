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

    public bool Verbose => parseResult.GetValue(globals.Verbose);

    /// <summary>What the provider's retries and throttling are doing, for the progress displays.</summary>
    public ProviderActivity Activity { get; } = new();

    public T? Get<T>(Option<T> option) => parseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => parseResult.GetValue(argument);

    public ImagesSession OpenSession()
        => ImagesSession.Open(
            environment, parseResult.GetValue(globals.Token) ?? environment.AccessToken, parseResult.GetValue(globals.BaseUrl), Verbose,
            Activity);

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

    /// <summary>Writes <c>error: {what}: {reason}</c> and, with <c>--verbose</c>, the exception chain; returns the failure exit code.</summary>
    public int Fail(string what, Exception exception)
    {
        WriteError($"{what}: {FailureReason.Of(exception)}");
        if (Verbose)
        {
            foreach (var line in FailureReason.Details(exception))
            {
                environment.Error.WriteLine("  " + line);
            }
        }

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
