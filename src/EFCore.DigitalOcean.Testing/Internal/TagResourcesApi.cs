namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// <c>/v2/tags/{tag_id}/resources</c>: POST tags the listed resources, DELETE untags them; 204 either way,
/// 404 when the path names no tag (in its canonical case).
/// </summary>
internal sealed class TagResourcesApi(ImageStore store) : IResourceApi
{
    public string Collection => "/v2/tags/{tag_id}/resources";

    public IReadOnlyList<string> CollectionMethods { get; } = ["POST", "DELETE"];

    public IReadOnlyList<string> ItemMethods { get; } = [];

    public ApiResponse Handle(ApiCall call, string? item)
    {
        if (LifecycleBodies.TryParseTagResources(call.Body, out var resources) is { } invalid)
        {
            return ApiResponse.Error(invalid, call.RequestId);
        }

        var error = store.SetTagged(Uri.UnescapeDataString(call.Parent!), resources!, tagged: call.Method == "POST");
        return error is null ? ApiResponse.NoContent() : ApiResponse.Error(error, call.RequestId);
    }

    public Envelope Preview(ApiCall call, string? item) => EmptyEnvelope.Instance;
}
