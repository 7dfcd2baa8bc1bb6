using EFCore.DigitalOcean.Metadata.Internal;

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

    public static string MaxConcurrentRequestsOutOfRange(int max)
        => $"MaxConcurrentRequests must be between 1 and {max}: more requests in flight only run into the API's rate limit sooner.";

    public static string RequestsPerMinuteOutOfRange(int max)
        => $"RequestsPerMinute must be between 1 and {max} (the API's hourly limit), or null to send without pacing.";

    public static string MaxRetriesOutOfRange(int max)
        => $"MaxRetries must be between 0 (no retries) and {max}.";

    public static string RequestTimeoutOutOfRange(TimeSpan timeout)
        => timeout <= TimeSpan.Zero
            ? $"RequestTimeout must be longer than zero, or Timeout.InfiniteTimeSpan for no limit; it was {Describe(timeout)}."
            : $"RequestTimeout can be at most 24 hours, or Timeout.InfiniteTimeSpan for no limit; it was {Describe(timeout)}.";

    public static string InvalidApplicationName(string productToken)
        => $"The application name '{productToken}' is not a User-Agent product token; use the form name/version, such as my-app/1.2.";

    private static string Describe(TimeSpan timeout)
        => timeout < TimeSpan.Zero ? "negative (" + timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture) + ")"
            : timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    public const string NoTransactions
        = "The DigitalOcean API has no transactions. SaveChanges sends each change as its own request and reports which "
            + "succeeded; see the provider's write rules.";

    public const string AmbientTransactionTemplate
        = "{operation} was called inside an ambient transaction (a TransactionScope), which the DigitalOcean API cannot take part in: "
            + "its writes would not be undone if the transaction is. {reason} Complete or leave the scope first, or let the writes "
            + "go ahead outside it with ConfigureWarnings(w => w.Log(DigitalOceanEventId.AmbientTransactionWarning)).";

    public const string ImageNotSaved = "The image has not been saved yet: call SaveChanges before waiting for it.";

    public static string ImageVanished(long id) => $"Image {id} no longer exists.";

    public static string ImportFailed(long id, string name, string? errorMessage)
        => $"The import of image {id} '{name}' failed: {errorMessage}";

    public static string ImageNotAvailableInTime(long id, string name, string? status)
        => $"Image {id} '{name}' was not available in time; its last status was '{status}'.";

    public static string IgnoredOnCreate(string item, string property, IEnumerable<string> carried)
        => $"{item}: {property} is set, but the API decides it when it creates the item and would ignore this value; leave "
            + $"it unset. A create carries only {string.Join(", ", carried)}.";

    public const string DegradedBelowOutOfRange
        = "degradedBelow is the share of the hourly request budget below which the check reports Degraded: between 0 and 1.";

    public static string HealthHealthy(int? remaining)
        => remaining is { } left ? $"The DigitalOcean API answered; {left} requests are left in this hour's budget." : "The DigitalOcean API answered.";

    public static string HealthLowBudget(int remaining, int limit)
        => $"Only {remaining} of the token's {limit} requests an hour are left.";

    public static string HealthThrottling(int? remaining)
        => $"Only {remaining} requests are left in the rate-limit window; the provider is spacing its requests out until it resets.";

    public const string HealthRateLimited
        = "The token's request budget is used up (429 too_many_requests); requests fail until the rate-limit window resets.";

    public const string HealthUnauthorized = "The DigitalOcean API refused the access token (401 unauthorized): it is wrong, expired or revoked.";

    public const string HealthForbidden = "The access token may not read images (403 forbidden): give it the image:read scope.";

    public static string HealthApiError(string message) => "The DigitalOcean API answered with an error: " + message;

    public static string HealthUnreachable(string message) => "The DigitalOcean API could not be reached: " + message;

    public static string HealthTimeout(string message) => "The DigitalOcean API did not answer in time: " + message;

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

    /// <summary>What narrows a listing of a resource: its scope operators, its list filters and its point reads.</summary>
    public static string NarrowBy(ApiResource resource)
    {
        var ways = resource.Scopes.Select(s => s.OperatorName + "()")
            .Concat(resource.Filters.Select(f => f.Operator == ApiFilterOperator.Contains ? $"{f.Property}.Contains(…)" : $"{f.Property} == …"))
            .Concat(resource.Can(ApiCapabilities.GetByKey)
                ? new[] { resource.KeyProperty, resource.AlternateKeyProperty }.OfType<string>().Select(p => p + " == …")
                : [])
            .ToList();
        return ways.Count switch
        {
            0 => "nothing the API offers",
            1 => ways[0],
            _ => string.Join(", ", ways[..^1]) + " or " + ways[^1]
        };
    }

    public static string ParentKeyRequired(string entityType, string parentKey)
        => $"A query of {entityType} must say whose items it reads: the API lists them per parent. Add a condition such as "
            + $"Where(x => x.{parentKey} == id) before other operators.";

    public static string EmptyTeam => "The recipient team is an empty UUID; pass the UUID of the team to give the image to.";

    public static string AccountTransferNotSnapshot(long id, string name, string? type)
        => id <= 0
            ? $"The image '{name}' has not been saved yet: only a saved snapshot can be given to another account."
            : $"Image {id} '{name}' is a {type ?? "image of unknown type"}; only snapshots can be given to another account. Convert "
                + "a backup into a snapshot first (Type = ImageTypes.Snapshot and SaveChanges).";

    public static string AccountTransferNoId(long id)
        => $"POST /v2/images/{id}/account_transfer was answered without a transfer_id, so it is not known whether the transfer started.";

    public static string CannotRemoveListValue(string item, string property, string value)
        => $"{item}: '{value}' cannot be removed from {property}; the API cannot take it away. Delete the image and create it "
            + "again without it.";

    public static string ActionRefusedFor(string item, string actionType, string property, string value)
        => $"{item}: a {actionType} is refused while {property} is '{value}'. Convert it into a snapshot first "
            + $"({property} = \"{ImageTypes.Snapshot}\" and SaveChanges), wait for it, then add the regions.";

    public static string OnlyTransition(string item, string property, string from, string to)
        => $"{item}: {property} can only change from '{from}' to '{to}' (the API's convert action).";

    public static string InvalidMembershipName(string item, string property, string name, int maxLength)
        => $"{item}: '{name}' cannot be one of its {property}: names are letters, digits, '_', '-' and ':', at most {maxLength} "
            + "characters.";

    public static string ActionFailed(long imageId, long actionId, string actionType, string? regionSlug, string status)
        => $"The {DescribeAction(actionType, regionSlug)} of image {imageId} (action {actionId}) ended as '{status}'.";

    public static string DescribeAction(string actionType, string? regionSlug)
        => regionSlug is null || actionType != ImageActionTypes.Transfer ? actionType : $"{actionType} to {regionSlug}";

    public static string StillInProgress(long imageId, string name, string? status, IEnumerable<string> actions)
        => $"Image {imageId} '{name}' was not done in time: its status was '{status}'"
            + (actions.Any() ? $", and these were still in progress: {string.Join(", ", actions)}." : ".");

    public static string ActionWrite(string property, object value) => $"{property} + {value}";

    public static string MembershipWrite(string property, string name, bool gained) => $"{property} {(gained ? "+" : "-")} {name}";

    public static string ActionAnswerWithoutAction(string itemPath)
        => $"POST /{itemPath}/actions was answered without an action, so it is not known whether the action started.";
    public static string CreateInDoubt
        => "Its outcome is unknown: the next SaveChanges looks for the image among yours (private=true) before creating it "
            + "again, and adopts it if exactly one matches.";

    public static string CreateAnsweredWithTrackedId(string entry, object id)
        => $"{entry}: the API answered the create with id {id}, which this context already tracks for another entity; the "
            + "answer was not applied and the create is in doubt.";

    public static string UpdateAnsweredWithOtherItem(string entry, object answeredId)
        => $"{entry}: the API answered the update with item {answeredId}; the answer was not applied and the entity keeps its values.";

    public static string AmbiguousInDoubtCreate(string entry, IEnumerable<object> ids)
        => $"{entry}: its earlier create had an unknown outcome, and several of your images match it ({string.Join(", ", ids)}); "
            + "nothing was sent. Delete the extra ones, or attach the one to keep, and save again.";

    public const string ActionInDoubt
        = "Its outcome is unknown: the next SaveChanges looks for it among the image's actions before starting it again.";

    public static string AmbiguousInDoubtAction(string entry, IEnumerable<object> ids)
        => $"{entry}: an earlier request for this action had an unknown outcome, and several of the image's actions match it "
            + $"({string.Join(", ", ids)}); nothing was sent.";

    public static string RequiredToCreate(string item, string property) => $"{item}: {property} is required to create it.";

    public static string NothingSent(IEnumerable<string> problems)
        => "SaveChanges sent nothing, because the API cannot apply these changes:" + Environment.NewLine
            + string.Join(Environment.NewLine, problems);
}
