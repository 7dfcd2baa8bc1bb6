namespace EFCore.DigitalOcean.Testing;

/// <summary>
/// How a list response that fits on a single page shows its links. The real API has been seen
/// answering in all three shapes, so a client must accept each of them.
/// </summary>
public enum SinglePageLinks
{
    /// <summary><c>"links":{"pages":{}}</c>, the form of the OpenAPI examples.</summary>
    EmptyPages,

    /// <summary>No <c>links</c> key at all, as the API's description says.</summary>
    NoLinks,

    /// <summary><c>"links":{}</c>, as older real captures show.</summary>
    EmptyLinks,
}
