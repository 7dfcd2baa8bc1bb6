using System.Text.Json.Serialization;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>The answer to starting an account transfer: <c>{"transfer_id":3164444}</c>, 0 when it was accepted at once.</summary>
internal sealed class AccountTransferBody
{
    [JsonPropertyName("transfer_id")]
    public long? TransferId { get; set; }
}
