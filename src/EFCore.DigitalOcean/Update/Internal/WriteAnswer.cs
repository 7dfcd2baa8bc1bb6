using EFCore.DigitalOcean.Storage.Internal;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     What a finished write brought back: the server's row (none for a delete or an action), whether that row is an item
///     found by looking for an in-doubt create instead of the answer to a POST, and the action an action request started.
/// </summary>
internal sealed record WriteAnswer(ResourceRow? Row, bool Adopted = false)
{
    public StartedAction? Action { get; init; }
}
