using System.CommandLine;
using ImagesConsole.Commands;

namespace ImagesConsole;

/// <summary>The options every command accepts. One instance per command tree, because a System.CommandLine symbol belongs to its tree.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to stdout instead of tables.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show each HTTP request the provider makes (with request bodies) on stderr, and the details of a failure.",
        Recursive = true,
    };

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = "The API endpoint to use instead of https://api.digitalocean.com/, such as a DigitalOceanFake you started "
            + "(--base-url http://127.0.0.1:PORT/ --token fake-do-token). Needs a token: --token, DIGITALOCEAN_TOKEN or "
            + "DIGITALOCEAN_ACCESS_TOKEN.",
        HelpName = "url",
        Recursive = true,
        CustomParser = ValueParsers.HttpUrl,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "The access token, instead of DIGITALOCEAN_TOKEN or DIGITALOCEAN_ACCESS_TOKEN (which keep it out of your "
            + "shell history and the process list).",
        HelpName = "token",
        Recursive = true,
        CustomParser = ValueParsers.NonBlank,
    };

    /// <summary>Adds the options to the root, with the checks that need the environment.</summary>
    public void AddTo(RootCommand root, AppEnvironment environment)
    {
        root.Options.Add(Json);
        root.Options.Add(Verbose);
        root.Options.Add(BaseUrl);
        root.Options.Add(Token);
        BaseUrl.Validators.Add(result =>
        {
            if (environment.AccessToken is null && result.GetResult(Token) is null)
            {
                // The local simulation has its own address; another endpoint needs real credentials.
                result.AddError($"--base-url needs a token: pass --token, or set {string.Join(" or ", AppEnvironment.TokenVariables)}.");
            }
        });
    }
}
