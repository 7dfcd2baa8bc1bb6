using System.CommandLine;
using System.CommandLine.Parsing;

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
        Description = "Show each HTTP request the provider makes, on stderr.",
        Recursive = true,
    };

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = "The API endpoint to use instead of https://api.digitalocean.com/ (needs a token).",
        HelpName = "url",
        Recursive = true,
        CustomParser = ParseUrl,
    };

    /// <summary>Adds the options to the root, with the checks that need the environment.</summary>
    public void AddTo(RootCommand root, AppEnvironment environment)
    {
        root.Options.Add(Json);
        root.Options.Add(Verbose);
        root.Options.Add(BaseUrl);
        BaseUrl.Validators.Add(result =>
        {
            if (environment.AccessToken is null)
            {
                // The local simulation has its own address; another endpoint needs real credentials.
                result.AddError($"--base-url needs a token: set {string.Join(" or ", AppEnvironment.TokenVariables)}.");
            }
        });
    }

    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"--base-url must be an absolute http or https URL, not '{text}'.");
        return null;
    }
}
