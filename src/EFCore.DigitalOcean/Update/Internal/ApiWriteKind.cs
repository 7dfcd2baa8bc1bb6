using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>The request one change-tracker entry becomes: a create, an update or a delete.</summary>
internal enum ApiWriteKind
{
    Create,
    Update,
    Delete,

    /// <summary>A <c>POST {item}/actions</c> that carries out a property change (a transfer, a convert).</summary>
    Action
}
