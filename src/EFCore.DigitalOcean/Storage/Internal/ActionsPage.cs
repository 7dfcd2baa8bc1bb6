using System.Text.Json.Serialization;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary><c>{"actions":[...]}</c>: a page of an item's actions, for finding one whose POST answer was lost.</summary>
internal sealed class ActionsPage
{
    [JsonPropertyName("actions")]
    public List<ApiAction>? Actions { get; set; }
}
