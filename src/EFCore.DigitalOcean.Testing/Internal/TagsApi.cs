namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// <c>/v2/tags</c>: create, list, get and delete tags. Tag names in the path are matched exactly: only
/// the canonical case names the tag (spec tags/models/tags.yml).
/// </summary>
internal sealed class TagsApi(ImageStore store, ListPages pages, TagJson json) : IResourceApi
{
    public string Collection => "/v2/tags";

    public IReadOnlyList<string> CollectionMethods { get; } = ["GET", "POST"];

    public IReadOnlyList<string> ItemMethods { get; } = ["GET", "DELETE"];

    public ApiResponse Handle(ApiCall call, string? item) => (call.Method, item) switch
    {
        ("GET", null) => ApiResponse.Json(200, ListEnvelope(call)),
        ("POST", null) => Create(call),
        ("GET", { } segment) => store.GetTag(Uri.UnescapeDataString(segment)) is { } tag
            ? ApiResponse.Json(200, new SingleEnvelope<TagView>(json, tag))
            : ApiResponse.Error(ApiError.NotFound, call.RequestId),
        ("DELETE", { } segment) => store.DeleteTag(Uri.UnescapeDataString(segment))
            ? ApiResponse.NoContent()
            : ApiResponse.Error(ApiError.NotFound, call.RequestId),
        _ => throw new InvalidOperationException($"The router let {call.Method} {call.Path} through."),
    };

    public Envelope Preview(ApiCall call, string? item) => item is null && call.Method == "GET"
        ? ListEnvelope(call)
        : new SingleEnvelope<TagView>(json, (item is null ? null : store.GetTag(Uri.UnescapeDataString(item))) ?? json.Placeholder);

    private ListEnvelope<TagView> ListEnvelope(ApiCall call)
    {
        var paging = Paging.From(call.Query);
        return pages.Envelope(json, Collection, call, paging, store.ListTags(paging));
    }

    /// <summary>
    /// 201 with the tag, also when it exists already (in any case): Terraform creates every tag it adds
    /// and uses the name answered (lifecycle notes §2), which works only if this does not fail [inferred].
    /// </summary>
    private ApiResponse Create(ApiCall call) => LifecycleBodies.TryParseTagName(call.Body, out var name) is { } error
        ? ApiResponse.Error(error, call.RequestId)
        : ApiResponse.Json(201, new SingleEnvelope<TagView>(json, store.CreateTag(name!)));
}
