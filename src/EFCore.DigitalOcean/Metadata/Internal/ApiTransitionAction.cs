namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>
///     A property whose one allowed change is an action: an image's <c>Type</c> from <c>backup</c> to <c>snapshot</c> is
///     <c>POST {item}/actions {"type":"convert"}</c>. Any other change of it is refused.
/// </summary>
internal sealed record ApiTransitionAction(string Property, string From, string To, string ActionType);
