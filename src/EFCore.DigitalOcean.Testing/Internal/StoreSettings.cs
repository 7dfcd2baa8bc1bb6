namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>What <see cref="ImageStore"/> needs from the options besides the seed.</summary>
/// <param name="Imports">When imports finish.</param>
/// <param name="Actions">When image actions finish.</param>
/// <param name="ActionNotFoundReads">How many GETs of a new action answer 404.</param>
/// <param name="Teams">The teams account transfers can go to.</param>
/// <param name="Regions">The regions transfers can go to.</param>
internal sealed record StoreSettings(
    CompletionPolicy Imports, CompletionPolicy Actions, int ActionNotFoundReads, TeamDirectory Teams, RegionCatalog Regions);
