using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImagesConsole.Tests.TestSupport;

/// <summary>What one in-process run of the app produced.</summary>
internal sealed partial record AppResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The lines of stderr.</summary>
    public string[] ErrorLines => [.. Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    ///     The lines of stderr without those of the progress displays (<c>Importing image …: pending</c>, <c>Deleting 2 images:
    ///     50%</c>, <c>Transfer to sfo3: 100%</c>, with the provider's notice in brackets when there is one), which a redirected
    ///     stderr gets each time they change, so their number depends on timing.
    /// </summary>
    public string[] MessageLines => [.. ErrorLines.Where(line => !ProgressLine().IsMatch(line))];

    /// <summary>The lines of stdout.</summary>
    public string[] OutputLines => [.. Stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];

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

    /// <summary>Asserts the exit code, that neither stream shows a stack trace, and that stderr's messages are exactly these lines.</summary>
    public void AssertExit(int exitCode, params string[] messages)
    {
        AssertNoStackTrace();
        Assert.True(exitCode == ExitCode, $"expected exit {exitCode}, got {this}");
        Assert.Equal(messages, MessageLines);
    }

    /// <summary>No <c>   at </c> frame on either stream, and not the runtime's crash exit code.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Stderr);
        Assert.DoesNotContain("   at ", Stdout);
        Assert.DoesNotContain("Unhandled exception", Stderr);
        Assert.NotEqual(134, ExitCode);
    }

    /// <summary>The <c>id</c> of each element of a JSON array.</summary>
    public static long[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(image => image.GetProperty("id").GetInt64())];

    [GeneratedRegex(@"^(Importing image \d+ '.*': \S+( \(.*\))?|(Deleting \d+ (images?|snapshots?)|Transfer to \S+|Convert to a snapshot)( \(.*\))?: \d+%)$")]
    private static partial Regex ProgressLine();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
