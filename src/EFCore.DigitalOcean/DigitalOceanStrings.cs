namespace EFCore.DigitalOcean;

/// <summary>The provider's messages, in one place so they stay consistent.</summary>
internal static class DigitalOceanStrings
{
    public const string TokenVariable = "DIGITALOCEAN_TOKEN";
    public const string AccessTokenVariable = "DIGITALOCEAN_ACCESS_TOKEN";

    public static string EmptyAccessToken
        => "The DigitalOcean access token is empty or white space. Pass a real token, or null to read "
            + $"{TokenVariable} or {AccessTokenVariable} from the environment.";

    public static string NoAccessToken
        => "No DigitalOcean access token: pass one to UseDigitalOcean(...), or set the environment variable "
            + $"{TokenVariable} (or {AccessTokenVariable}).";

    public static string InvalidBaseAddress(string address)
        => $"The DigitalOcean base address '{address}' is not an absolute http or https URI.";

    public static string UnmappedEntityType(string entityType)
        => $"The DigitalOcean provider cannot map the entity type '{entityType}': it maps only {nameof(Image)} "
            + "(the /v2/images resource).";

    public static string ConflictingScopes(string first, string second)
        => $"The query uses both {first}() and {second}(). The DigitalOcean API lists one catalogue per request; use one of "
            + "Distributions(), Applications() and PrivateOnly() per query.";

    public static string WholeEntityInPredicate
        => "The expression uses the whole Image object where the provider evaluates rows; use its properties instead.";

    public static string OperatorNotSupported(string name)
        => $"'{name}' is not supported by the DigitalOcean provider. Switch to client evaluation explicitly by calling "
            + "AsEnumerable() or AsAsyncEnumerable() before it.";

    public static string ResponseUnreadable(string request, int status, string detail)
        => $"The response to {request} ({status}) could not be read: {detail}";

    public static string IncompleteListing(string request, long received, long total)
        => $"Listing {request} returned {received} items but the API reported {total}; items changed while paging. "
            + "The query was stopped rather than return a partial result; run it again.";

    public static string ApiError(string request, int status, string? errorId, string message)
        => errorId is null
            ? $"{request} failed with {status}: {message}"
            : $"{request} failed with {status} {errorId}: {message}";
}
