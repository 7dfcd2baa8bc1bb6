namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The data of a successful answer, kept so that faults can answer in the same shape.</summary>
internal abstract record Envelope
{
    public abstract byte[] ToJson(EnvelopeVariant variant = EnvelopeVariant.Normal);
}

/// <summary>How an envelope is written: as the API does, or broken on purpose for a fault.</summary>
internal enum EnvelopeVariant
{
    Normal,
    MissingKey,
    BrokenId,
}
