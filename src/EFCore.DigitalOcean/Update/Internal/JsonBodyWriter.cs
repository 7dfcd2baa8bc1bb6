using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>Writes a request body with a <see cref="Utf8JsonWriter" />: one buffer, no intermediate object.</summary>
internal static class JsonBodyWriter
{
    public static string Write(Action<Utf8JsonWriter> write, int capacity = 256)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
