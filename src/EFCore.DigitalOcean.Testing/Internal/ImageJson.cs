using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Writes the API's image object, in the field order of the spec examples.</summary>
internal abstract class ImageJson() : ObjectJson<FakeImage>("image", "images")
{
    /// <summary>The image object of lists, gets and updates.</summary>
    public static ImageJson Full { get; } = new FullImageJson();

    /// <summary>
    /// The 202 answer to a create carries only these fields (spec new_custom_image.yml): no slug,
    /// public, min_disk_size or size_gigabytes.
    /// </summary>
    public static ImageJson Created { get; } = new CreatedImageJson();

    public override FakeImage Placeholder { get; } = new()
    {
        Id = 1,
        Name = "placeholder",
        Type = "custom",
        Distribution = "Unknown",
        CreatedAt = FakeCatalog.DefaultNow,
    };

    private static void WriteId(Utf8JsonWriter writer, FakeImage image, bool brokenKey)
    {
        if (brokenKey)
        {
            writer.WriteString("id", "not-a-number");
        }
        else
        {
            writer.WriteNumber("id", image.Id);
        }
    }

    private sealed class FullImageJson : ImageJson
    {
        public override void Write(Utf8JsonWriter writer, FakeImage image, bool brokenKey)
        {
            writer.WriteStartObject();
            WriteId(writer, image, brokenKey);
            writer.WriteString("name", image.Name);
            writer.WriteNullableString("distribution", image.Distribution);
            writer.WriteNullableString("slug", image.Slug);
            writer.WriteBoolean("public", image.Public);
            writer.WriteStringArray("regions", image.Regions);
            writer.WriteTimestamp("created_at", image.CreatedAt);
            writer.WriteNullableString("type", image.Type);
            writer.WriteNullableNumber("min_disk_size", image.MinDiskSize);
            writer.WriteNullableNumber("size_gigabytes", image.SizeGigabytes);
            writer.WriteNullableString("description", image.Description);
            writer.WriteStringArray("tags", image.Tags);
            writer.WriteNullableString("status", image.Status);
            writer.WriteNullableString("error_message", image.ErrorMessage);
            writer.WriteEndObject();
        }
    }

    private sealed class CreatedImageJson : ImageJson
    {
        public override void Write(Utf8JsonWriter writer, FakeImage image, bool brokenKey)
        {
            writer.WriteStartObject();
            WriteId(writer, image, brokenKey);
            writer.WriteString("name", image.Name);
            writer.WriteNullableString("type", image.Type);
            writer.WriteNullableString("distribution", image.Distribution);
            writer.WriteNullableString("description", image.Description);
            writer.WriteStringArray("tags", image.Tags);
            writer.WriteStringArray("regions", image.Regions);
            writer.WriteTimestamp("created_at", image.CreatedAt);
            writer.WriteNullableString("status", image.Status);
            writer.WriteNullableString("error_message", image.ErrorMessage);
            writer.WriteEndObject();
        }
    }
}
