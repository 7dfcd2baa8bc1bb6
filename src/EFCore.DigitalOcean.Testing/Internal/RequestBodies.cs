using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The body of <c>POST /v2/images</c> (spec image_new_custom.yml), validated.</summary>
internal sealed record CreateImageRequest(
    string Name, string Url, string Region, string Distribution, string Description, List<string> Tags);

/// <summary>The body of <c>PUT /v2/images/{id}</c> (spec image_update.yml); null means "leave as is".</summary>
internal sealed record UpdateImageRequest(string? Name, string? Distribution, string? Description);

/// <summary>
/// Parses request bodies. Text that is not a JSON object, or a field of the wrong JSON type, is a
/// 400 <c>bad_request</c> (the Go server cannot decode it); a decodable body that breaks a rule is a
/// 422 <c>unprocessable_entity</c>. A JSON <c>null</c> counts as an absent field, because some clients
/// send every optional field as null.
/// </summary>
internal static class RequestBodies
{
    public static ApiError? TryParseCreate(string? body, out CreateImageRequest? request)
    {
        request = null;
        try
        {
            using var document = ParseObject(body);
            var root = document.RootElement;
            var name = ReadString(root, "name");
            var url = ReadString(root, "url");
            var region = ReadString(root, "region");
            var distribution = ReadString(root, "distribution");
            var description = ReadString(root, "description");
            var tags = ReadStrings(root, "tags");

            if (string.IsNullOrEmpty(name))
            {
                return ApiError.Unprocessable("name is required");
            }

            if (string.IsNullOrEmpty(url))
            {
                return ApiError.Unprocessable("url is required");
            }

            if (string.IsNullOrEmpty(region))
            {
                return ApiError.Unprocessable("region is required");
            }

            if (!KnownValues.RegionSlugs.Contains(region))
            {
                return ApiError.Unprocessable($"region '{region}' is not a valid region slug");
            }

            // The tags are created with the image, so a name the tags endpoint refuses is refused the same way
            // here; the real API's answer is not documented [inferred].
            if (tags?.Select(LifecycleBodies.CheckTagName).FirstOrDefault(e => e is not null) is { } invalidTag)
            {
                return invalidTag;
            }

            request = new CreateImageRequest(
                name, url, region, KnownValues.NormalizeDistribution(distribution), description ?? "", tags ?? []);
            return null;
        }
        catch (JsonException)
        {
            return ApiError.BadRequest;
        }
    }

    public static ApiError? TryParseUpdate(string? body, out UpdateImageRequest? request)
    {
        request = null;
        try
        {
            using var document = ParseObject(body);
            var root = document.RootElement;
            var name = ReadString(root, "name");
            if (name is { Length: 0 })
            {
                return ApiError.Unprocessable("name can not be blank");
            }

            var distribution = ReadString(root, "distribution");
            request = new UpdateImageRequest(
                name,
                distribution is null ? null : KnownValues.NormalizeDistribution(distribution),
                ReadString(root, "description"));
            return null;
        }
        catch (JsonException)
        {
            return ApiError.BadRequest;
        }
    }

    public static JsonDocument ParseObject(string? body)
    {
        var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "" : body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new JsonException("The body is not a JSON object.");
        }

        return document;
    }

    public static string? ReadString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new JsonException($"'{name}' is not a string.");
    }

    private static List<string>? ReadStrings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"'{name}' is not an array.");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new JsonException($"'{name}' holds a value that is not a string."));
        }

        return items;
    }
}
