namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary><c>{}</c>: the body of a fault on a path that no resource serves, which has no shape to imitate.</summary>
internal sealed record EmptyEnvelope : Envelope
{
    public static EmptyEnvelope Instance { get; } = new();

    public override byte[] ToJson(EnvelopeVariant variant = EnvelopeVariant.Normal) => "{}"u8.ToArray();
}
