using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>The body of an action request: <c>{"type":"transfer","region":"sfo3"}</c> or <c>{"type":"convert"}</c>.</summary>
internal static class ActionRequestBody
{
    public static string Write(string type, string? field = null, string? value = null)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            if (field is not null)
            {
                writer.WriteString(field, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
