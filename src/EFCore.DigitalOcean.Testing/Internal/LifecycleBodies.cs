using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The body of <c>POST /v2/images/{id}/actions</c> (spec images/models/image_action.yml).</summary>
internal sealed record ImageActionRequest(string? Type, string? Region);

/// <summary>One item of a tag's <c>resources</c> body (spec tags/models/tags_resource.yml).</summary>
internal sealed record TagResource(string Id, string Type);

/// <summary>The body of <c>POST /v2/images/{id}/account_transfer</c>: exactly one recipient.</summary>
internal sealed record TransferStartRequest(string? Email, Guid? Team);

/// <summary>The body of accept (with the recipient team), decline and cancel.</summary>
internal sealed record TransferIdRequest(long TransferId, Guid? Recipient);

/// <summary>
/// Parses the bodies of image actions, tags and account transfers with the rules of
/// <see cref="RequestBodies"/>: a body that is not a JSON object, or a field of the wrong JSON type, is a
/// 400 <c>bad_request</c>.
/// </summary>
internal static partial class LifecycleBodies
{
    public const int MaxTagLength = 255;

    public static readonly string[] TagResourceTypes = ["droplet", "image", "volume", "volume_snapshot", "database"];

    public static ApiError? TryParseAction(string? body, out ImageActionRequest? request) =>
        Parse(body, root => (new ImageActionRequest(RequestBodies.ReadString(root, "type"), RequestBodies.ReadString(root, "region")), null), out request);

    public static ApiError? TryParseTagName(string? body, out string? name) => Parse(body, root =>
    {
        var read = RequestBodies.ReadString(root, "name");
        return CheckTagName(read) is { } invalid ? (null, invalid) : (read, null);
    }, out name);

    /// <summary>spec tags/models/tags.yml: <c>^[a-zA-Z0-9_\-\:]+$</c>, at most 255 characters.</summary>
    public static ApiError? CheckTagName(string? name) => name switch
    {
        null or "" => ApiError.InvalidTag("tag-name is required"),
        { Length: > MaxTagLength } => ApiError.InvalidTag($"tag-name is longer than {MaxTagLength} characters"),
        _ when !TagNamePattern().IsMatch(name) => ApiError.InvalidTag($"tag-name \"{name}\" contains invalid characters"),
        _ => null,
    };

    public static ApiError? TryParseTagResources(string? body, out IReadOnlyList<TagResource>? resources) =>
        Parse<IReadOnlyList<TagResource>>(body, root =>
        {
            if (!root.TryGetProperty("resources", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            {
                return (null, ApiError.BadRequestBecause("resources is required"));
            }

            var read = new List<TagResource>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException("A resource is not an object.");
                }

                // resource_id is a string in the spec; a number cannot be decoded into it.
                var id = RequestBodies.ReadString(item, "resource_id");
                var type = RequestBodies.ReadString(item, "resource_type");
                if (string.IsNullOrEmpty(id) || type is null || !TagResourceTypes.Contains(type, StringComparer.Ordinal))
                {
                    return (null, ApiError.BadRequestBecause("each resource needs a resource_id and a valid resource_type"));
                }

                read.Add(new TagResource(id, type));
            }

            return (read, null);
        }, out resources);

    public static ApiError? TryParseTransferStart(string? body, out TransferStartRequest? request) => Parse(body, root =>
    {
        var email = RequestBodies.ReadString(root, "recipient_email");
        var team = RequestBodies.ReadString(root, "recipient_uuid");
        if ((email is null) == (team is null))
        {
            return (null, ApiError.BadRequestBecause("exactly one of recipient_email and recipient_uuid is required"));
        }

        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            return (null, ApiError.BadRequestBecause("recipient_email is not an email address"));
        }

        return ReadTeam(team, required: false) is var (teamId, ok) && ok
            ? (new TransferStartRequest(email, teamId), null)
            : (null, ApiError.BadRequestBecause("recipient_uuid is not a UUID"));
    }, out request);

    /// <param name="body">The body.</param>
    /// <param name="needsRecipient">True for accept, whose <c>recipient_uuid</c> is required (spec images_post_account_transfer_accept.yml).</param>
    /// <param name="request">The parsed body.</param>
    public static ApiError? TryParseTransferId(string? body, bool needsRecipient, out TransferIdRequest? request) => Parse(body, root =>
    {
        if (!root.TryGetProperty("transfer_id", out var idValue) || idValue.ValueKind == JsonValueKind.Null)
        {
            return (null, ApiError.BadRequestBecause("transfer_id is required"));
        }

        var id = idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out var number)
            ? number
            : throw new JsonException("'transfer_id' is not an integer.");
        return ReadTeam(RequestBodies.ReadString(root, "recipient_uuid"), needsRecipient) is var (team, ok) && ok
            ? (new TransferIdRequest(id, team), null)
            : (null, ApiError.BadRequestBecause(needsRecipient ? "recipient_uuid is required and must be a UUID" : "recipient_uuid is not a UUID"));
    }, out request);

    private static (Guid? Team, bool Ok) ReadTeam(string? text, bool required) =>
        text is null
            ? (null, !required)
            : Guid.TryParse(text, CultureInfo.InvariantCulture, out var team) ? (team, true) : (null, false);

    /// <summary>Runs a reader over the body's JSON object; a body that cannot be decoded is the API's 400.</summary>
    private static ApiError? Parse<T>(string? body, Func<JsonElement, (T? Value, ApiError? Error)> read, out T? value)
        where T : class
    {
        value = null;
        try
        {
            using var document = RequestBodies.ParseObject(body);
            (value, var error) = read(document.RootElement);
            return error;
        }
        catch (JsonException)
        {
            return ApiError.BadRequest;
        }
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_\-:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagNamePattern();
}
