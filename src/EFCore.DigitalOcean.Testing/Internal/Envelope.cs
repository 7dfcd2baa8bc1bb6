using System.Text.Json;

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

/// <summary><c>{"image":{...}}</c>; <see cref="AsCreated"/> selects the reduced field set of the 202.</summary>
internal sealed record SingleEnvelope(FakeImage Image, bool AsCreated) : Envelope
{
    public override byte[] ToJson(EnvelopeVariant variant = EnvelopeVariant.Normal) => JsonBody.Write(writer =>
    {
        writer.WriteStartObject();
        if (variant != EnvelopeVariant.MissingKey)
        {
            writer.WritePropertyName("image");
            var brokenId = variant == EnvelopeVariant.BrokenId;
            if (AsCreated)
            {
                ImageJson.WriteCreated(writer, Image, brokenId);
            }
            else
            {
                ImageJson.WriteFull(writer, Image, brokenId);
            }
        }

        writer.WriteEndObject();
    });
}

/// <summary><c>{"images":[...],"links":{"pages":{...}},"meta":{"total":N}}</c>.</summary>
internal sealed record ListEnvelope(IReadOnlyList<FakeImage> Images, int Total, PageLinks Links) : Envelope
{
    public override byte[] ToJson(EnvelopeVariant variant = EnvelopeVariant.Normal) => JsonBody.Write(writer =>
    {
        writer.WriteStartObject();
        if (variant != EnvelopeVariant.MissingKey)
        {
            writer.WriteStartArray("images");
            for (var i = 0; i < Images.Count; i++)
            {
                ImageJson.WriteFull(writer, Images[i], brokenId: i == 0 && variant == EnvelopeVariant.BrokenId);
            }

            writer.WriteEndArray();
        }

        WriteLinks(writer, Links);
        writer.WriteStartObject("meta");
        writer.WriteNumber("total", Total);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void WriteLinks(Utf8JsonWriter writer, PageLinks links)
    {
        if (links.IsSinglePage)
        {
            switch (links.WhenSingle)
            {
                case SinglePageLinks.NoLinks:
                    return;
                case SinglePageLinks.EmptyLinks:
                    writer.WriteStartObject("links");
                    writer.WriteEndObject();
                    return;
            }
        }

        writer.WriteStartObject("links");
        writer.WriteStartObject("pages");
        WriteLink(writer, "first", links.First);
        WriteLink(writer, "prev", links.Prev);
        WriteLink(writer, "last", links.Last);
        WriteLink(writer, "next", links.Next);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter writer, string name, string? url)
    {
        if (url is not null)
        {
            writer.WriteString(name, url);
        }
    }
}
