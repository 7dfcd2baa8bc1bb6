namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// <c>/v2/images/{image_id}/actions</c>: start a transfer or convert, list an image's actions, get one.
/// A GET of an action just started may answer 404, as the real API's does (lifecycle notes §1).
/// </summary>
internal sealed class ImageActionsApi(ImageStore store, ListPages pages, ActionJson json) : IResourceApi
{
    public string Collection => "/v2/images/{image_id}/actions";

    public IReadOnlyList<string> CollectionMethods { get; } = ["GET", "POST"];

    public IReadOnlyList<string> ItemMethods { get; } = ["GET"];

    public ApiResponse Handle(ApiCall call, string? item)
    {
        // image_id and action_id are integers (spec images/parameters.yml, actions/parameters.yml).
        if (!ImageIds.TryParse(call.Parent!, out var imageId))
        {
            return ApiResponse.Error(ApiError.NotFound, call.RequestId);
        }

        return (call.Method, item) switch
        {
            ("GET", null) => List(call, imageId),
            ("POST", null) => Start(call, imageId),
            ("GET", { } segment) => Get(call, imageId, segment),
            _ => throw new InvalidOperationException($"The router let {call.Method} {call.Path} through."),
        };
    }

    public Envelope Preview(ApiCall call, string? item)
    {
        var paging = Paging.From(call.Query);
        return item is null && call.Method == "GET" && ImageIds.TryParse(call.Parent!, out var imageId)
            && store.ListActions(imageId, paging, call.Now, poll: false) is { } window
                ? ListEnvelope(call, paging, window)
                : new SingleEnvelope<FakeAction>(json, json.Placeholder);
    }

    private ApiResponse List(ApiCall call, long imageId)
    {
        var paging = Paging.From(call.Query);
        return store.ListActions(imageId, paging, call.Now) is { } window
            ? ApiResponse.Json(200, ListEnvelope(call, paging, window))
            : ApiResponse.Error(ApiError.NotFound, call.RequestId);
    }

    private ListEnvelope<FakeAction> ListEnvelope(ApiCall call, Paging paging, (IReadOnlyList<FakeAction>, int) window) =>
        pages.Envelope(json, $"/v2/images/{call.Parent}/actions", call, paging, window);

    private ApiResponse Start(ApiCall call, long imageId)
    {
        if (LifecycleBodies.TryParseAction(call.Body, out var request) is { } invalid)
        {
            return ApiResponse.Error(invalid, call.RequestId);
        }

        return store.StartAction(imageId, request!, call.Now, out var action) is { } error
            ? ApiResponse.Error(error, call.RequestId)
            : ApiResponse.Json(201, new SingleEnvelope<FakeAction>(json, action!));
    }

    private ApiResponse Get(ApiCall call, long imageId, string segment) =>
        ImageIds.TryParse(segment, out var actionId) && store.GetAction(actionId, imageId, call.Now) is { } action
            ? ApiResponse.Json(200, new SingleEnvelope<FakeAction>(json, action))
            : ApiResponse.Error(ApiError.NotFound, call.RequestId);
}
