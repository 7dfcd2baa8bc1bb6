namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>The body of an action request: <c>{"type":"transfer","region":"sfo3"}</c> or <c>{"type":"convert"}</c>.</summary>
internal static class ActionRequestBody
{
    public static string Write(string type, string? field = null, string? value = null)
        => JsonBodyWriter.Write(
            writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("type", type);
                if (field is not null)
                {
                    writer.WriteString(field, value);
                }

                writer.WriteEndObject();
            },
            capacity: 64);
}
