using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     One write, fully decided before anything is sent: the entry it came from, the resource, the method, the item's key as a
///     path segment (for update and delete) and the JSON body (for create and update).
/// </summary>
internal sealed record ApiWriteOperation(IUpdateEntry Entry, ApiResource Resource, ApiWriteKind Kind, string? KeySegment, string? JsonBody)
{
    /// <summary>For an action: the property it carries out a change of and the value it settles (a region, a new type).</summary>
    public (IProperty Property, object Value)? Settles { get; init; }

    public HttpMethod Method
        => Kind switch
        {
            ApiWriteKind.Create or ApiWriteKind.Action => HttpMethod.Post,
            ApiWriteKind.Update => HttpMethod.Put,
            _ => HttpMethod.Delete
        };
}
