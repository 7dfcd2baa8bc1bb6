namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary><c>{"transfer_id":N}</c>, the answer to starting an account transfer; 0 means accepted at once.</summary>
internal sealed record TransferIdEnvelope(long TransferId) : Envelope
{
    public override byte[] ToJson(EnvelopeVariant variant = EnvelopeVariant.Normal) => JsonBody.Write(writer =>
    {
        writer.WriteStartObject();
        switch (variant)
        {
            case EnvelopeVariant.Normal:
                writer.WriteNumber("transfer_id", TransferId);
                break;
            case EnvelopeVariant.BrokenId:
                writer.WriteString("transfer_id", "not-a-number");
                break;
        }

        writer.WriteEndObject();
    });
}
