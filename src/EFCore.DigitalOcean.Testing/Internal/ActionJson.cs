using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// Writes the API's action object (spec actions/models/action.yml), in the field order of the spec
/// examples, with the full region object of <c>region_slug</c> from the fake's regions.
/// </summary>
internal sealed class ActionJson(RegionCatalog regions) : ObjectJson<FakeAction>("action", "actions")
{
    public override FakeAction Placeholder { get; } = new()
    {
        Id = 1,
        ImageId = 1,
        Type = ImageActionTypes.Transfer,
        StartedAt = FakeCatalog.DefaultNow,
        RegionSlug = "nyc3",
    };

    public override void Write(Utf8JsonWriter writer, FakeAction action, bool brokenKey)
    {
        writer.WriteStartObject();
        if (brokenKey)
        {
            writer.WriteString("id", "not-a-number");
        }
        else
        {
            writer.WriteNumber("id", action.Id);
        }

        writer.WriteString("status", action.Status);
        writer.WriteString("type", action.Type);
        writer.WriteTimestamp("started_at", action.StartedAt);
        if (action.CompletedAt is { } completedAt)
        {
            writer.WriteTimestamp("completed_at", completedAt);
        }
        else
        {
            writer.WriteNull("completed_at");
        }

        writer.WriteNumber("resource_id", action.ImageId);
        writer.WriteString("resource_type", "image");
        if (regions.Find(action.RegionSlug) is { } region)
        {
            writer.WritePropertyName("region");
            RegionJson.Instance.Write(writer, region, brokenKey: false);
        }
        else
        {
            writer.WriteNull("region");
        }

        writer.WriteNullableString("region_slug", action.RegionSlug);
        writer.WriteEndObject();
    }
}
