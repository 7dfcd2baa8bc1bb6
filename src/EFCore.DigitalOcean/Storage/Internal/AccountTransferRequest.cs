using System.Text.Json.Serialization;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>The body of the account-transfer calls; the fields a call does not take stay out of it.</summary>
internal sealed class AccountTransferRequest
{
    [JsonPropertyName("recipient_email")]
    public string? RecipientEmail { get; init; }

    [JsonPropertyName("recipient_uuid")]
    public Guid? RecipientUuid { get; init; }

    [JsonPropertyName("transfer_id")]
    public long? TransferId { get; init; }
}
