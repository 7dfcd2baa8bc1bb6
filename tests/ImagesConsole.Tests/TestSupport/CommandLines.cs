namespace ImagesConsole.Tests.TestSupport;

/// <summary>Command lines several tests run.</summary>
internal static class CommandLines
{
    /// <summary><c>import</c> of a valid image named <paramref name="name" /> into nyc3, then <paramref name="more" />.</summary>
    public static string[] Import(string name, params string[] more)
        => ["import", "--name", name, "--url", $"https://example.com/{name}.qcow2", "--region", "nyc3", .. more];
}
