namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>What the API lets a client do with a resource; anything else is refused before a request is sent.</summary>
[Flags]
internal enum ApiCapabilities
{
    None = 0,

    /// <summary><c>GET {path}</c>, paged.</summary>
    List = 1,

    /// <summary><c>GET {path}/{key}</c>.</summary>
    GetByKey = 2,

    /// <summary><c>POST {path}</c>.</summary>
    Create = 4,

    /// <summary><c>PUT {path}/{key}</c> with the updatable fields.</summary>
    Update = 8,

    /// <summary><c>DELETE {path}/{key}</c>.</summary>
    Delete = 16,
}
