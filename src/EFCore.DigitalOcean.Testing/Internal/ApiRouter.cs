namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// Sends each call to the resource whose path it names: a path no resource serves is 404, a method
/// the path does not answer 405. <c>HEAD</c> is answered as the <c>GET</c> of the same path (the
/// transport leaves the body out).
/// </summary>
internal sealed class ApiRouter(IReadOnlyList<IResourceApi> resources)
{
    private readonly IReadOnlyList<(IResourceApi Resource, string[] Template)> _routes =
        [.. resources.Select(r => (r, r.Collection.Split('/')))];

    public ApiResponse Handle(ApiCall call)
    {
        if (Route(call) is not (IResourceApi resource, var routed, var item))
        {
            return ApiResponse.Error(ApiError.NotFound, call.RequestId);
        }

        var allowed = item is null ? resource.CollectionMethods : resource.ItemMethods;
        if (!allowed.Contains(routed.Method, StringComparer.Ordinal))
        {
            // The real API's answer is not documented; the error body has its usual shape, and the
            // Allow header is what HTTP requires of a 405.
            return ApiResponse.Error(ApiError.MethodNotAllowed, call.RequestId) with { Allow = string.Join(", ", allowed) };
        }

        return resource.Handle(routed, item);
    }

    public Envelope Preview(ApiCall call) =>
        Route(call) is (IResourceApi resource, var routed, var item) ? resource.Preview(routed, item) : EmptyEnvelope.Instance;

    /// <summary>
    /// Finds <c>{collection}</c> or <c>{collection}/{item}</c>, ignoring a trailing slash; a collection
    /// segment in braces (<c>{image_id}</c>) matches any one segment, which the handler gets as
    /// <see cref="ApiCall.Parent"/>. An item path of a resource without items is no route at all, as on the API.
    /// </summary>
    private (IResourceApi Resource, ApiCall Call, string? Item)? Route(ApiCall call)
    {
        var path = call.Path.Length > 1 && call.Path.EndsWith('/') ? call.Path[..^1] : call.Path;
        var segments = path.Split('/');
        var method = call.Method == "HEAD" ? "GET" : call.Method;
        foreach (var (resource, template) in _routes)
        {
            var isCollection = segments.Length == template.Length;
            var isItem = segments.Length == template.Length + 1 && resource.ItemMethods.Count > 0 && segments[^1].Length > 0;
            if ((isCollection || isItem) && Matches(template, segments, out var parent))
            {
                return (resource, call with { Method = method, Parent = parent }, isItem ? segments[^1] : null);
            }
        }

        return null;
    }

    private static bool Matches(string[] template, string[] segments, out string? parent)
    {
        parent = null;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith('{'))
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                parent = segments[i];
            }
            else if (!string.Equals(template[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
