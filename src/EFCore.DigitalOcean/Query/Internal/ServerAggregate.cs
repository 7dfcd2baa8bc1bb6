namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>An aggregate the API answers itself, from <c>meta.total</c> of a one-item page.</summary>
internal enum ServerAggregate
{
    None,
    Count,
    LongCount,
    Any
}
