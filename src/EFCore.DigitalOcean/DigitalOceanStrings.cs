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

    public static string UnmappedEntityType(string entityType, IEnumerable<string> mapped)
        => $"The DigitalOcean provider cannot map the entity type '{entityType}': it maps only "
            + $"{string.Join(", ", mapped)}, each the entity of one API resource.";

    public static string NoRequestMatchesNothing(string resource)
        => $"-- no request: no item of {resource} has a null or empty value for the filter";

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

    /// <summary>The API's updatable properties of an entity type, as a sentence's end.</summary>
    public static string UpdatableList(string entityType, IReadOnlyList<string> updatable)
        => updatable.Count == 0
            ? $"the API updates no property of a {entityType}"
            : $"the API updates only {string.Join(", ", updatable)}";

    public static string ExecuteUpdateNotUpdatable(string entityType, IReadOnlyList<string> updatable, string setter)
        => updatable.Count == 0
            ? $"ExecuteUpdate cannot set '{setter}': {UpdatableList(entityType, updatable)}."
            : $"ExecuteUpdate can set only {string.Join(", ", updatable)}, which the API updates; '{setter}' is not one of them.";

    public static string CannotDelete(string entityType)
        => $"ExecuteDelete cannot delete {entityType} items: the API has no delete for them.";

    public static string CannotChange(string item, string property, string entityType, IReadOnlyList<string> updatable)
        => $"{item}: {property} cannot be changed; {UpdatableList(entityType, updatable)}.";

    public static string CannotCreate(string item, string entityType)
        => $"{item}: the API cannot create a {entityType}; it is read from the API only.";

    public static string CannotRemove(string item, string entityType)
        => $"{item}: the API cannot delete a {entityType}.";

    public static string ModelPropertyMissing(string entityType, string property, string resource)
        => $"The entity type '{entityType}' does not map the property '{property}', which the DigitalOcean provider needs for "
            + $"the /{resource} resource. Do not ignore it or remove it from the model.";

    public static string ModelKeyMismatch(string entityType, string key, string expected)
        => $"The entity type '{entityType}' has the key '{key}', but the API addresses its items by '{expected}'. Leave the key as "
            + "the provider configures it.";

    public static string ModelPropertyUnreadable(string entityType, string property, string type)
        => $"The property '{entityType}.{property}' of type '{type}' cannot be read from the DigitalOcean API. The provider reads "
            + "strings, numbers, Booleans, DateTimeOffset values and read-only lists of strings.";
}
