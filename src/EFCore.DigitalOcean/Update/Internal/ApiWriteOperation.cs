using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>The request one change-tracker entry becomes: a create, an update or a delete.</summary>
internal enum ApiWriteKind
{
    Create,
    Update,
    Delete
}

/// <summary>
///     One write, fully decided before anything is sent: the entry it came from, the resource, the method, the item's key as a
///     path segment (for update and delete) and the JSON body (for create and update).
/// </summary>
internal sealed record ApiWriteOperation(IUpdateEntry Entry, ApiResource Resource, ApiWriteKind Kind, string? KeySegment, string? JsonBody)
{
    public HttpMethod Method
        => Kind switch
        {
            ApiWriteKind.Create => HttpMethod.Post,
            ApiWriteKind.Update => HttpMethod.Put,
            _ => HttpMethod.Delete
        };
}
