using System.Text.Json.Serialization;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary><c>{"tag":{"name":"prod",...}}</c>: the tag with its canonical name.</summary>
internal sealed class TagBody
{
    [JsonPropertyName("tag")]
    public TagName? Tag { get; set; }
}
