using System.Text.Json.Serialization;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>The name of a tag, in the case the API keeps it in.</summary>
internal sealed class TagName
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
