using System.Text.Json;

namespace ImagesConsole.Tests.TestSupport;

/// <summary>What one in-process run of the app produced.</summary>
internal sealed record AppResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as JSON; fails the test with both streams when it is not.</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Stdout);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"stdout is not JSON ({exception.Message}).\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
    }

    /// <summary>The <c>id</c> of each element of a JSON array.</summary>
    public static long[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(image => image.GetProperty("id").GetInt64())];

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
