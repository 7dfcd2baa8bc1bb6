namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>The single item of a get, create or update response.</summary>
internal sealed record ResourceItem(ResourceRow Row);
