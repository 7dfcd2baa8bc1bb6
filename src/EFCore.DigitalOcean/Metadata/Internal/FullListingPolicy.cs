namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>Whether filtering a whole listing in memory deserves a warning: it does for a catalogue, not for a short list.</summary>
internal enum FullListingPolicy
{
    Warn,
    Silent,
}
