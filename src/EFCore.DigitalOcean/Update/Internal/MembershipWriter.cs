using EFCore.DigitalOcean.Storage.Internal;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     Sends one <see cref="MembershipWrite" />: for a gain, <c>POST /v2/tags {"name":…}</c> (which answers with the existing
///     tag in its canonical case, or creates it) then <c>POST /v2/tags/{name}/resources</c>; for a loss,
///     <c>DELETE /v2/tags/{name}/resources</c>. Each lists every item at once.
/// </summary>
internal static class MembershipWriter
{
    /// <summary>Sends the write and returns the name in the case the API keeps it in.</summary>
    public static async Task<string> SendAsync(DigitalOceanClient client, MembershipWrite write, CancellationToken cancellationToken)
    {
        var name = write.Name;
        if (write.Gained)
        {
            var created = await client.SendAsync(
                    HttpMethod.Post,
                    write.Membership.CollectionPath,
                    JsonBodies.Write(new TagName { Name = name }, DigitalOceanJsonContext.Default.TagName),
                    JsonBodies.Reader(DigitalOceanJsonContext.Default.TagBody),
                    cancellationToken)
                .ConfigureAwait(false);
            name = created?.Tag?.Name is { Length: > 0 } canonical ? canonical : name;
        }

        await client.SendAsync<TagBody>(
                write.Gained ? HttpMethod.Post : HttpMethod.Delete,
                write.Membership.CollectionPath + "/" + Uri.EscapeDataString(name) + "/resources",
                ResourcesBody(write),
                readBody: null,
                cancellationToken)
            .ConfigureAwait(false);
        return name;
    }

    /// <summary><c>{"resources":[{"resource_id":"123","resource_type":"image"},…]}</c>; the API takes the id as a string.</summary>
    private static string ResourcesBody(MembershipWrite write)
        => JsonBodyWriter.Write(
            writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("resources");
                foreach (var change in write.Changes)
                {
                    writer.WriteStartObject();
                    writer.WriteString("resource_id", change.KeySegment);
                    writer.WriteString("resource_type", write.Membership.ResourceType);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            },
            capacity: 64 + 48 * write.Changes.Count);
}
