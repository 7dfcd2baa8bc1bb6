using System.Globalization;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The five image operations: list, get (by id or slug), create, update and delete. Authentication
/// and rate limiting have already passed when a call gets here.
/// </summary>
internal sealed class ImagesApi(ImageStore store, Uri baseAddress, SinglePageLinks singlePageLinks)
{
    private const string Collection = "/v2/images";

    public ApiResponse Handle(ApiCall call)
    {
        var (isCollection, item) = Route(call.Path);
        return (call.Method, isCollection, item) switch
        {
            ("GET", true, _) => List(call),
            ("POST", true, _) => Create(call),
            ("GET", false, { } segment) => Get(call, segment),
            ("PUT", false, { } segment) => Update(call, segment),
            ("DELETE", false, { } segment) => Delete(call, segment),
            _ => ApiResponse.Error(ApiError.NotFound, call.RequestId),
        };
    }

    /// <summary>
    /// The body a successful answer to this call would have, without changing anything (an import is
    /// not polled), for faults that answer 200 with a malformed version of it.
    /// </summary>
    public Envelope Preview(ApiCall call)
    {
        var (isCollection, item) = Route(call.Path);
        if (isCollection && call.Method == "GET")
        {
            return ListEnvelope(call);
        }

        var existing = item is null ? null : FindReadOnly(item, call.Now);
        return new SingleEnvelope(existing ?? Placeholder(call.Now), AsCreated: isCollection && call.Method == "POST");
    }

    private ApiResponse List(ApiCall call) => ApiResponse.Json(200, ListEnvelope(call));

    private ListEnvelope ListEnvelope(ApiCall call)
    {
        var query = ListQuery.From(call.Query);
        var (page, total) = store.List(query, call.Now);
        return new ListEnvelope(page, total, PageLinks.Build(baseAddress, call.QueryPairs, query, total, singlePageLinks));
    }

    private ApiResponse Get(ApiCall call, string segment)
    {
        // Numeric segments are ids (any image); anything else is the slug of a public image.
        var image = TryParseId(segment, out var id)
            ? store.GetForClient(id, call.Now)
            : store.FindPublicBySlug(Uri.UnescapeDataString(segment), call.Now);
        return image is null
            ? ApiResponse.Error(ApiError.NotFound, call.RequestId)
            : ApiResponse.Json(200, new SingleEnvelope(image, AsCreated: false));
    }

    private ApiResponse Create(ApiCall call)
    {
        if (RequestBodies.TryParseCreate(call.Body, out var request) is { } error)
        {
            return ApiResponse.Error(error, call.RequestId);
        }

        var created = store.Create(request!, call.Now);
        return ApiResponse.Json(202, new SingleEnvelope(created, AsCreated: true));
    }

    private ApiResponse Update(ApiCall call, string segment)
    {
        // PUT and DELETE declare image_id as an integer: a slug there names nothing.
        if (!TryParseId(segment, out var id))
        {
            return ApiResponse.Error(ApiError.NotFound, call.RequestId);
        }

        if (RequestBodies.TryParseUpdate(call.Body, out var request) is { } error)
        {
            return ApiResponse.Error(error, call.RequestId);
        }

        return store.Update(id, request!, call.Now) is { } updated
            ? ApiResponse.Json(200, new SingleEnvelope(updated, AsCreated: false))
            : ApiResponse.Error(ApiError.NotFound, call.RequestId);
    }

    private ApiResponse Delete(ApiCall call, string segment)
    {
        if (!TryParseId(segment, out var id))
        {
            return ApiResponse.Error(ApiError.NotFound, call.RequestId);
        }

        return store.Delete(id, call.Now) switch
        {
            DeleteOutcome.Deleted => ApiResponse.NoContent(),

            // The text Terraform's provider matches on (terraform-provider-digitalocean,
            // resource_custom_image.go); the status is not documented, 422 is the API's usual one.
            DeleteOutcome.AlreadyDeleted => ApiResponse.Error(
                ApiError.Unprocessable("Image Can not delete an already deleted image."), call.RequestId),
            _ => ApiResponse.Error(ApiError.NotFound, call.RequestId),
        };
    }

    private FakeImage? FindReadOnly(string segment, DateTimeOffset now) =>
        TryParseId(segment, out var id)
            ? store.Find(id, now)
            : store.FindPublicBySlug(Uri.UnescapeDataString(segment), now);

    private static FakeImage Placeholder(DateTimeOffset now) => new()
    {
        Id = 1,
        Name = "placeholder",
        Type = "custom",
        Distribution = "Unknown",
        CreatedAt = now,
    };

    /// <summary>Splits <c>/v2/images</c> and <c>/v2/images/{segment}</c>; a trailing slash is ignored.</summary>
    private static (bool IsCollection, string? Item) Route(string path)
    {
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        if (path == Collection)
        {
            return (true, null);
        }

        if (path.StartsWith(Collection + "/", StringComparison.Ordinal))
        {
            var segment = path[(Collection.Length + 1)..];
            if (segment.Length > 0 && !segment.Contains('/'))
            {
                return (false, segment);
            }
        }

        return (false, null);
    }

    private static bool TryParseId(string segment, out long id) =>
        long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
