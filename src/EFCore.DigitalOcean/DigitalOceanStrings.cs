namespace EFCore.DigitalOcean;

/// <summary>The provider's messages, in one place so they stay consistent.</summary>
internal static class DigitalOceanStrings
{
    public const string TokenVariable = "DIGITALOCEAN_TOKEN";
    public const string AccessTokenVariable = "DIGITALOCEAN_ACCESS_TOKEN";

    public static string EmptyAccessToken
        => "The DigitalOcean access token is empty or white space. Pass a real token, or null to read "
            + $"{TokenVariable} or {AccessTokenVariable} from the environment.";

    public static string MalformedAccessToken(string source)
        => $"{source} is malformed: it holds a control character (such as a line break) or a non-ASCII character. A "
            + "DigitalOcean access token is printable ASCII; check how it was copied.";

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

    public static string BodyCutOff => "the connection closed before the body was complete";

    public static string IncompleteListing(string request, long received, long total)
        => $"Listing {request} returned {received} items but the API reported {total}; items changed while paging. "
            + "The query was stopped rather than return a partial result; run it again.";

    public static string PageBeyondTotal(string request, long items, long total)
        => $"{request} brought the listing to {items} distinct items, more than the API's meta.total of {total}; the answers "
            + "are inconsistent, so the query was stopped rather than return a wrong result.";

    public static string ApiError(string request, int status, string? errorId, string message)
        => errorId is null
            ? $"{request} failed with {status}: {message}"
            : $"{request} failed with {status} {errorId}: {message}";

    public static string CreateInDoubt
        => "Its outcome is unknown: the next SaveChanges looks for the image among yours (private=true) before creating it "
            + "again, and adopts it if exactly one matches.";

    public static string CreateAnsweredWithTrackedId(string entry, long id)
        => $"{entry}: the API answered the create with id {id}, which this context already tracks for another entity; the "
            + "answer was not applied and the create is in doubt.";

    public static string UpdateAnsweredWithOtherItem(string entry, long answeredId)
        => $"{entry}: the API answered the update with item {answeredId}; the answer was not applied and the entity keeps its values.";

    public static string AmbiguousInDoubtCreate(string entry, IEnumerable<long> ids)
        => $"{entry}: its earlier create had an unknown outcome, and several of your images match it ({string.Join(", ", ids)}); "
            + "nothing was sent. Delete the extra ones, or attach the one to keep, and save again.";
}
