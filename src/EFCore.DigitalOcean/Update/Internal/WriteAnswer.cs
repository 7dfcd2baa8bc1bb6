using EFCore.DigitalOcean.Storage.Internal;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     What a finished write brought back: the server's row (none for a delete), and whether that row is an image found by
///     looking for an in-doubt create instead of the answer to a POST.
/// </summary>
internal readonly record struct WriteAnswer(ResourceRow? Row, bool Adopted = false);
