using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Writes the API's region object, in the field order of the spec example.</summary>
internal sealed class RegionJson() : ObjectJson<FakeRegion>("region", "regions")
{
    public static RegionJson Instance { get; } = new();

    public override FakeRegion Placeholder { get; } = new() { Slug = "placeholder", Name = "Placeholder" };

    public override void Write(Utf8JsonWriter writer, FakeRegion region, bool brokenKey)
    {
        writer.WriteStartObject();
        writer.WriteString("name", region.Name);
        if (brokenKey)
        {
            // The key of a region is its slug; a number where the API promises a string.
            writer.WriteNumber("slug", 0);
        }
        else
        {
            writer.WriteString("slug", region.Slug);
        }

        writer.WriteStringArray("features", region.Features);
        writer.WriteBoolean("available", region.Available);
        writer.WriteStringArray("sizes", region.Sizes);
        writer.WriteEndObject();
    }
}
