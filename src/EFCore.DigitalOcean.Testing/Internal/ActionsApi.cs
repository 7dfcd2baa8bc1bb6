namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// <c>/v2/actions</c>: the account-wide list and get of actions (spec actions/). The fake's only actions
/// are image actions, so these show the same actions as <see cref="ImageActionsApi"/>.
/// </summary>
internal sealed class ActionsApi(ImageStore store, ListPages pages, ActionJson json) : IResourceApi
{
    public string Collection => "/v2/actions";

    public IReadOnlyList<string> CollectionMethods { get; } = ["GET"];

    public IReadOnlyList<string> ItemMethods { get; } = ["GET"];

    public ApiResponse Handle(ApiCall call, string? item)
    {
        if (item is null)
        {
            return ApiResponse.Json(200, ListEnvelope(call, poll: true));
        }

        return ImageIds.TryParse(item, out var id) && store.GetAction(id, imageId: null, call.Now) is { } action
            ? ApiResponse.Json(200, new SingleEnvelope<FakeAction>(json, action))
            : ApiResponse.Error(ApiError.NotFound, call.RequestId);
    }

    public Envelope Preview(ApiCall call, string? item) => item is null
        ? ListEnvelope(call, poll: false)
        : new SingleEnvelope<FakeAction>(json, json.Placeholder);

    private ListEnvelope<FakeAction> ListEnvelope(ApiCall call, bool poll)
    {
        var paging = Paging.From(call.Query);
        return pages.Envelope(json, Collection, call, paging, store.ListActions(imageId: null, paging, call.Now, poll)!.Value);
    }
}
