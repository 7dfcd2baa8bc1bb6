namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// Sends each call to the resource whose path it names: a path no resource serves is 404, a method
/// the path does not answer 405.
/// </summary>
internal sealed class ApiRouter(IReadOnlyList<IResourceApi> resources)
{
    public ApiResponse Handle(ApiCall call)
    {
        if (Route(call.Path) is not (IResourceApi resource, var item))
        {
            return ApiResponse.Error(ApiError.NotFound, call.RequestId);
        }

        var allowed = item is null ? resource.CollectionMethods : resource.ItemMethods;
        if (!allowed.Contains(call.Method, StringComparer.Ordinal))
        {
            // The real API's answer is not documented; the error body has its usual shape, and the
            // Allow header is what HTTP requires of a 405.
            return ApiResponse.Error(ApiError.MethodNotAllowed, call.RequestId) with { Allow = string.Join(", ", allowed) };
        }

        return resource.Handle(call, item);
    }

    public Envelope Preview(ApiCall call) =>
        Route(call.Path) is (IResourceApi resource, var item) ? resource.Preview(call, item) : EmptyEnvelope.Instance;

    /// <summary>
    /// Finds <c>{collection}</c> or <c>{collection}/{item}</c>, ignoring a trailing slash. An item path of a
    /// resource without items is no route at all, as on the API.
    /// </summary>
    private (IResourceApi Resource, string? Item)? Route(string path)
    {
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        foreach (var resource in resources)
        {
            var collection = resource.Collection;
            if (path == collection)
            {
                return (resource, null);
            }

            if (resource.ItemMethods.Count > 0
                && path.Length > collection.Length + 1
                && path.StartsWith(collection, StringComparison.Ordinal)
                && path[collection.Length] == '/'
                && path.IndexOf('/', collection.Length + 1) < 0)
            {
                return (resource, path[(collection.Length + 1)..]);
            }
        }

        return null;
    }
}
