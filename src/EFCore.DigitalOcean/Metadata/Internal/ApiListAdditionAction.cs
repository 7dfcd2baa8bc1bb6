namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>
///     A list property that grows by an action per added value and never shrinks: each region added to an image's
///     <c>Regions</c> is one <c>POST {item}/actions {"type":"transfer","region":r}</c>. The API cannot take a value away, and
///     refuses the action while <see cref="RefusedWhenProperty" /> holds <see cref="RefusedWhenValue" /> (a backup cannot be
///     transferred).
/// </summary>
internal sealed record ApiListAdditionAction(
    string Property,
    string ActionType,
    string ValueField,
    string? RefusedWhenProperty = null,
    string? RefusedWhenValue = null);
