namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The five image operations: list, get (by id or slug), create, update and delete. Authentication
/// and rate limiting have already passed when a call gets here.
/// </summary>
internal sealed class ImagesApi(ImageStore store, ListPages pages) : IResourceApi
{
    public string Collection => "/v2/images";

    public IReadOnlyList<string> CollectionMethods { get; } = ["GET", "POST"];

    public IReadOnlyList<string> ItemMethods { get; } = ["GET", "PUT", "DELETE"];

    public ApiResponse Handle(ApiCall call, string? item) => (call.Method, item) switch
    {
        ("GET", null) => ApiResponse.Json(200, ListEnvelope(call)),
        ("POST", null) => Create(call),
        ("GET", { } segment) => Get(call, segment),
        ("PUT", { } segment) => Update(call, segment),
        ("DELETE", { } segment) => Delete(call, segment),
        _ => throw new InvalidOperationException($"The router let {call.Method} {call.Path} through."),
    };

    public Envelope Preview(ApiCall call, string? item)
    {
        if (item is null && call.Method == "GET")
        {
            return ListEnvelope(call);
        }

        var json = item is null && call.Method == "POST" ? ImageJson.Created : ImageJson.Full;
        var existing = item is null ? null : FindReadOnly(item, call.Now);
        return new SingleEnvelope<FakeImage>(json, existing ?? json.Placeholder);
    }

    private ListEnvelope<FakeImage> ListEnvelope(ApiCall call)
    {
        var query = ListQuery.From(call.Query);
        return pages.Envelope(ImageJson.Full, Collection, call, query.Paging, store.List(query, call.Now));
    }

    private ApiResponse Get(ApiCall call, string segment)
    {
        // Numeric segments are ids (any image); anything else is the slug of a public image.
        var image = ImageIds.TryParse(segment, out var id)
            ? store.GetForClient(id, call.Now)
            : store.FindPublicBySlug(Uri.UnescapeDataString(segment), call.Now);
        return image is null
            ? ApiResponse.Error(ApiError.NotFound, call.RequestId)
            : ApiResponse.Json(200, new SingleEnvelope<FakeImage>(ImageJson.Full, image));
    }

    private ApiResponse Create(ApiCall call)
    {
        if (RequestBodies.TryParseCreate(call.Body, out var request) is { } error)
        {
            return ApiResponse.Error(error, call.RequestId);
        }

        var created = store.Create(request!, call.Now);
        return ApiResponse.Json(202, new SingleEnvelope<FakeImage>(ImageJson.Created, created));
    }

    private ApiResponse Update(ApiCall call, string segment)
    {
        // PUT and DELETE declare image_id as an integer: a slug there names nothing.
        if (!ImageIds.TryParse(segment, out var id))
        {
            return ApiResponse.Error(ApiError.NotFound, call.RequestId);
        }

        if (RequestBodies.TryParseUpdate(call.Body, out var request) is { } error)
        {
            return ApiResponse.Error(error, call.RequestId);
        }

        return store.Update(id, request!, call.Now) is { } updated
            ? ApiResponse.Json(200, new SingleEnvelope<FakeImage>(ImageJson.Full, updated))
            : ApiResponse.Error(ApiError.NotFound, call.RequestId);
    }

    private ApiResponse Delete(ApiCall call, string segment)
    {
        if (!ImageIds.TryParse(segment, out var id))
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
        ImageIds.TryParse(segment, out var id)
            ? store.Find(id, now)
            : store.FindPublicBySlug(Uri.UnescapeDataString(segment), now);
}
