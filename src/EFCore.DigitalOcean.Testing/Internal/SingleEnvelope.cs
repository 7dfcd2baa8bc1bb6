namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary><c>{"image":{...}}</c>, <c>{"snapshot":{...}}</c>: one object under its resource's key.</summary>
internal sealed record SingleEnvelope<T>(ObjectJson<T> Json, T Item) : Envelope
{
    public override byte[] ToJson(EnvelopeVariant variant = EnvelopeVariant.Normal) => JsonBody.Write(writer =>
    {
        writer.WriteStartObject();
        if (variant != EnvelopeVariant.MissingKey)
        {
            writer.WritePropertyName(Json.SingleKey);
            Json.Write(writer, Item, brokenKey: variant == EnvelopeVariant.BrokenId);
        }

        writer.WriteEndObject();
    });
}
