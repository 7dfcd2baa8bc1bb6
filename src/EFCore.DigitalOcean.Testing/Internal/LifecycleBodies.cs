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

    public static ApiError? TryParseAction(string? body, out ImageActionRequest? request)
    {
        ImageActionRequest? read = null;
        var error = Parse(body, root =>
        {
            read = new ImageActionRequest(RequestBodies.ReadString(root, "type"), RequestBodies.ReadString(root, "region"));
            return null;
        });
        request = error is null ? read : null;
        return error;
    }

    public static ApiError? TryParseTagName(string? body, out string? name)
    {
        string? read = null;
        var error = Parse(body, root =>
        {
            read = RequestBodies.ReadString(root, "name");
            return CheckTagName(read);
        });
        name = error is null ? read : null;
        return error;
    }

    /// <summary>spec tags/models/tags.yml: <c>^[a-zA-Z0-9_\-\:]+$</c>, at most 255 characters.</summary>
    public static ApiError? CheckTagName(string? name) => name switch
    {
        null or "" => ApiError.InvalidTag("tag-name is required"),
        { Length: > MaxTagLength } => ApiError.InvalidTag($"tag-name is longer than {MaxTagLength} characters"),
        _ when !TagNamePattern().IsMatch(name) => ApiError.InvalidTag($"tag-name \"{name}\" contains invalid characters"),
        _ => null,
    };

    public static ApiError? TryParseTagResources(string? body, out IReadOnlyList<TagResource>? resources)
    {
        List<TagResource>? read = null;
        var error = Parse(body, root =>
        {
            if (!root.TryGetProperty("resources", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            {
                return ApiError.BadRequestBecause("resources is required");
            }

            read = [];
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
                    return ApiError.BadRequestBecause("each resource needs a resource_id and a valid resource_type");
                }

                read.Add(new TagResource(id, type));
            }

            return null;
        });
        resources = error is null ? read : null;
        return error;
    }

    public static ApiError? TryParseTransferStart(string? body, out TransferStartRequest? request)
    {
        TransferStartRequest? read = null;
        var error = Parse(body, root =>
        {
            var email = RequestBodies.ReadString(root, "recipient_email");
            var team = RequestBodies.ReadString(root, "recipient_uuid");
            if ((email is null) == (team is null))
            {
                return ApiError.BadRequestBecause("exactly one of recipient_email and recipient_uuid is required");
            }

            if (email is not null && !email.Contains('@', StringComparison.Ordinal))
            {
                return ApiError.BadRequestBecause("recipient_email is not an email address");
            }

            Guid? teamId = null;
            if (team is not null)
            {
                if (!Guid.TryParse(team, out var parsed))
                {
                    return ApiError.BadRequestBecause("recipient_uuid is not a UUID");
                }

                teamId = parsed;
            }

            read = new TransferStartRequest(email, teamId);
            return null;
        });
        request = error is null ? read : null;
        return error;
    }

    /// <param name="body">The body.</param>
    /// <param name="needsRecipient">True for accept, whose <c>recipient_uuid</c> is required (spec images_post_account_transfer_accept.yml).</param>
    /// <param name="request">The parsed body.</param>
    public static ApiError? TryParseTransferId(string? body, bool needsRecipient, out TransferIdRequest? request)
    {
        TransferIdRequest? read = null;
        var error = Parse(body, root =>
        {
            if (!root.TryGetProperty("transfer_id", out var idValue) || idValue.ValueKind == JsonValueKind.Null)
            {
                return ApiError.BadRequestBecause("transfer_id is required");
            }

            var id = idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out var number)
                ? number
                : throw new JsonException("'transfer_id' is not an integer.");
            var recipient = RequestBodies.ReadString(root, "recipient_uuid");
            Guid? team = null;
            if (recipient is not null || needsRecipient)
            {
                if (!Guid.TryParse(recipient, CultureInfo.InvariantCulture, out var parsed))
                {
                    return ApiError.BadRequestBecause("recipient_uuid is required and must be a UUID");
                }

                team = parsed;
            }

            read = new TransferIdRequest(id, team);
            return null;
        });
        request = error is null ? read : null;
        return error;
    }

    private static ApiError? Parse(string? body, Func<JsonElement, ApiError?> read)
    {
        try
        {
            using var document = RequestBodies.ParseObject(body);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            return ApiError.BadRequest;
        }
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_\-:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagNamePattern();
}
