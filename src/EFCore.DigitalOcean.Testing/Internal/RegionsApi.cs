namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary><c>GET /v2/regions</c>, paged like every list. The API has no path for one region.</summary>
internal sealed class RegionsApi(RegionCatalog regions, ListPages pages) : IResourceApi
{
    public string Collection => "/v2/regions";

    public IReadOnlyList<string> CollectionMethods { get; } = ["GET"];

    public IReadOnlyList<string> ItemMethods { get; } = [];

    public ApiResponse Handle(ApiCall call, string? item) => ApiResponse.Json(200, ListEnvelope(call));

    public Envelope Preview(ApiCall call, string? item) => ListEnvelope(call);

    private ListEnvelope<FakeRegion> ListEnvelope(ApiCall call)
    {
        var paging = Paging.From(call.Query);
        return pages.Envelope(RegionJson.Instance, Collection, call, paging, paging.Range(regions.All, static r => r));
    }
}
