namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Builds every resource's list answer the same way: the page, <c>meta.total</c> and the links.</summary>
internal sealed class ListPages(Uri baseAddress, SinglePageLinks singlePageLinks)
{
    public ListEnvelope<T> Envelope<T>(
        ObjectJson<T> json, string collection, ApiCall call, Paging paging, (IReadOnlyList<T> Page, int Total) window) =>
        new(json, window.Page, window.Total, PageLinks.Build(baseAddress, collection, call.QueryPairs, paging, window.Total, singlePageLinks));
}
