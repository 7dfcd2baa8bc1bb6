using EFCore.DigitalOcean.Diagnostics.Internal;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The <c>User-Agent</c> of every request: the application's own product token when it gave one, then the provider and its
///     version, so that the API's owners and proxies can tell this provider's traffic apart (as the Azure SDK and godo do).
/// </summary>
internal static class UserAgent
{
    public static readonly string Provider = DigitalOceanTelemetry.Name + "/" + DigitalOceanTelemetry.Version;

    public static string For(string? applicationName) => applicationName is null ? Provider : applicationName + " " + Provider;

    /// <summary>Whether <paramref name="productToken" /> is a valid <c>User-Agent</c> value such as <c>my-app/1.2</c>.</summary>
    public static bool IsValid(string productToken)
    {
        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(productToken) && probe.Headers.UserAgent.Count > 0;
    }
}
