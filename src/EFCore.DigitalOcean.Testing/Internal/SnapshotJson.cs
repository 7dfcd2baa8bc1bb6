using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Writes the API's snapshot object, in the field order of the spec examples.</summary>
internal sealed class SnapshotJson() : ObjectJson<SnapshotView>("snapshot", "snapshots")
{
    public static SnapshotJson Instance { get; } = new();

    public override SnapshotView Placeholder { get; } =
        new("1", "placeholder", FakeCatalog.DefaultNow, [], null, null, null, SnapshotView.Droplet, []);

    public override void Write(Utf8JsonWriter writer, SnapshotView snapshot, bool brokenKey)
    {
        writer.WriteStartObject();
        if (brokenKey)
        {
            // A number where the API promises a string, as a client that took the id for an image id would expect.
            writer.WriteNumber("id", ImageIds.TryParse(snapshot.Id, out var number) ? number : 0);
        }
        else
        {
            writer.WriteString("id", snapshot.Id);
        }

        writer.WriteString("name", snapshot.Name);
        writer.WriteTimestamp("created_at", snapshot.CreatedAt);
        writer.WriteStringArray("regions", snapshot.Regions);
        writer.WriteNullableString("resource_id", snapshot.ResourceId);
        writer.WriteString("resource_type", snapshot.ResourceType);
        writer.WriteNullableNumber("min_disk_size", snapshot.MinDiskSize);
        writer.WriteNullableNumber("size_gigabytes", snapshot.SizeGigabytes);
        writer.WriteStringArray("tags", snapshot.Tags);
        writer.WriteEndObject();
    }
}
