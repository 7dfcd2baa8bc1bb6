namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>What one execution's value of a pushed filter means for the request.</summary>
internal enum ApiFilterValueKind
{
    /// <summary>The value goes into the request as the filter's parameter.</summary>
    Send,

    /// <summary>No item can match: nothing is sent.</summary>
    MatchesNothing,

    /// <summary>The API cannot filter by this value: the listing is not narrowed and the condition runs in memory.</summary>
    InMemory,
}
