namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// One resource's part of the API, which <see cref="ApiRouter"/> sends calls to: <c>{Collection}</c>
/// and <c>{Collection}/{item}</c>. Authentication, rate limiting and the method check have passed when
/// a call gets here.
/// </summary>
internal interface IResourceApi
{
    /// <summary>The collection path, e.g. <c>/v2/images</c>.</summary>
    string Collection { get; }

    /// <summary>The methods the collection path answers.</summary>
    IReadOnlyList<string> CollectionMethods { get; }

    /// <summary>The methods an item path answers; none when the resource has no item path.</summary>
    IReadOnlyList<string> ItemMethods { get; }

    /// <param name="call">The request.</param>
    /// <param name="item">The still escaped item segment, or <see langword="null"/> for the collection.</param>
    ApiResponse Handle(ApiCall call, string? item);

    /// <summary>
    /// The body a successful answer to this call would have, without changing anything (an import is
    /// not polled), for faults that answer 200 with a malformed version of it.
    /// </summary>
    Envelope Preview(ApiCall call, string? item);
}
