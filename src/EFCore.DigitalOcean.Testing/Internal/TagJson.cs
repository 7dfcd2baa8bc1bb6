using System.Globalization;
using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// Writes the API's tag object (spec tags/models/tags.yml, with the examples' <c>images</c> key rather
/// than the model's misspelt <c>imgages</c>). The fake holds images only, so every other kind counts 0.
/// </summary>
internal sealed class TagJson(Uri baseAddress) : ObjectJson<TagView>("tag", "tags")
{
    private static readonly string[] OtherKinds = ["droplets", "volumes", "volume_snapshots", "databases"];

    public override TagView Placeholder { get; } = new("placeholder", 0, null);

    public override void Write(Utf8JsonWriter writer, TagView tag, bool brokenKey)
    {
        writer.WriteStartObject();
        if (brokenKey)
        {
            writer.WriteNumber("name", 0);
        }
        else
        {
            writer.WriteString("name", tag.Name);
        }

        writer.WriteStartObject("resources");
        WriteCount(writer, tag);
        writer.WriteStartObject("images");
        WriteCount(writer, tag);
        writer.WriteEndObject();
        foreach (var kind in OtherKinds)
        {
            writer.WriteStartObject(kind);
            writer.WriteNumber("count", 0);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // The spec's example has last_tagged_uri only where something is tagged.
    private void WriteCount(Utf8JsonWriter writer, TagView tag)
    {
        writer.WriteNumber("count", tag.ImageCount);
        if (tag.LastTaggedImageId is { } id)
        {
            writer.WriteString("last_tagged_uri", new Uri(baseAddress, "v2/images/" + id.ToString(CultureInfo.InvariantCulture)).AbsoluteUri);
        }
    }
}
