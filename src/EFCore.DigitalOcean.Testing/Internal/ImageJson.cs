using System.Globalization;
using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Writes the API's image object, in the field order of the spec examples.</summary>
internal static class ImageJson
{
    public static void WriteFull(Utf8JsonWriter writer, FakeImage image, bool brokenId = false)
    {
        writer.WriteStartObject();
        WriteId(writer, image, brokenId);
        writer.WriteString("name", image.Name);
        writer.WriteNullableString("distribution", image.Distribution);
        writer.WriteNullableString("slug", image.Slug);
        writer.WriteBoolean("public", image.Public);
        writer.WriteStringArray("regions", image.Regions);
        writer.WriteString("created_at", FormatTimestamp(image.CreatedAt));
        writer.WriteNullableString("type", image.Type);
        if (image.MinDiskSize is { } minDisk)
        {
            writer.WriteNumber("min_disk_size", minDisk);
        }
        else
        {
            writer.WriteNull("min_disk_size");
        }

        if (image.SizeGigabytes is { } size)
        {
            writer.WriteNumber("size_gigabytes", size);
        }
        else
        {
            writer.WriteNull("size_gigabytes");
        }

        writer.WriteNullableString("description", image.Description);
        writer.WriteStringArray("tags", image.Tags);
        writer.WriteNullableString("status", image.Status);
        writer.WriteNullableString("error_message", image.ErrorMessage);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The 202 answer to a create carries only these fields (spec new_custom_image.yml): no slug,
    /// public, min_disk_size or size_gigabytes.
    /// </summary>
    public static void WriteCreated(Utf8JsonWriter writer, FakeImage image, bool brokenId = false)
    {
        writer.WriteStartObject();
        WriteId(writer, image, brokenId);
        writer.WriteString("name", image.Name);
        writer.WriteNullableString("type", image.Type);
        writer.WriteNullableString("distribution", image.Distribution);
        writer.WriteNullableString("description", image.Description);
        writer.WriteStringArray("tags", image.Tags);
        writer.WriteStringArray("regions", image.Regions);
        writer.WriteString("created_at", FormatTimestamp(image.CreatedAt));
        writer.WriteNullableString("status", image.Status);
        writer.WriteNullableString("error_message", image.ErrorMessage);
        writer.WriteEndObject();
    }

    /// <summary>ISO 8601 in UTC with whole seconds and a <c>Z</c>, as the API writes <c>created_at</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteId(Utf8JsonWriter writer, FakeImage image, bool brokenId)
    {
        if (brokenId)
        {
            writer.WriteString("id", "not-a-number");
        }
        else
        {
            writer.WriteNumber("id", image.Id);
        }
    }
}
