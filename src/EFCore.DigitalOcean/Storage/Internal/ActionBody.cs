using System.Text.Json.Serialization;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary><c>{"action":{...}}</c>: an action the API started, or its state when polled.</summary>
internal sealed class ActionBody
{
    [JsonPropertyName("action")]
    public ApiAction? Action { get; set; }
}
