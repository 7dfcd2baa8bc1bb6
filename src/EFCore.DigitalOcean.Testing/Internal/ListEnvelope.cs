using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary><c>{"images":[...],"links":{"pages":{...}},"meta":{"total":N}}</c>, under each resource's list key.</summary>
internal sealed record ListEnvelope<T>(ObjectJson<T> Json, IReadOnlyList<T> Items, int Total, PageLinks Links) : Envelope
{
    public override byte[] ToJson(EnvelopeVariant variant = EnvelopeVariant.Normal) => JsonBody.Write(writer =>
    {
        writer.WriteStartObject();
        if (variant != EnvelopeVariant.MissingKey)
        {
            // The broken id needs an object to live in, and a page may be empty.
            var items = variant == EnvelopeVariant.BrokenId && Items.Count == 0 ? [Json.Placeholder] : Items;
            writer.WriteStartArray(Json.ListKey);
            for (var i = 0; i < items.Count; i++)
            {
                Json.Write(writer, items[i], brokenKey: i == 0 && variant == EnvelopeVariant.BrokenId);
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
