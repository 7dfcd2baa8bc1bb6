namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>An action a SaveChanges of this context started, kept so that a wait can follow it.</summary>
internal sealed record StartedAction(long Id, string Type, string? RegionSlug);
