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
///     One write, fully decided before anything is sent: the entry it came from, the method, the item id (for update and
///     delete) and the JSON body (for create and update).
/// </summary>
internal sealed record ApiWriteOperation(IUpdateEntry Entry, ApiWriteKind Kind, long? Id, string? JsonBody)
{
    public HttpMethod Method
        => Kind switch
        {
            ApiWriteKind.Create => HttpMethod.Post,
            ApiWriteKind.Update => HttpMethod.Put,
            _ => HttpMethod.Delete
        };
}
