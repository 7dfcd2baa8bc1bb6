namespace EFCore.DigitalOcean.Testing;

/// <summary>
/// An image account transfer the fake has seen started. <see cref="DigitalOceanFake.AccountTransfers"/>
/// hands out copies.
/// </summary>
public sealed class FakeAccountTransfer
{
    /// <summary>The <c>transfer_id</c> the start answered: 0 for a transfer accepted at once.</summary>
    public long Id { get; set; }

    /// <summary>The image given away.</summary>
    public long ImageId { get; set; }

    /// <summary>The <c>recipient_email</c> of a transfer to an account; otherwise <see langword="null"/>.</summary>
    public string? RecipientEmail { get; set; }

    /// <summary>
    /// The team that received or is to receive the image: the <c>recipient_uuid</c> of the start, or of the
    /// accept of a transfer to an email.
    /// </summary>
    public Guid? RecipientTeam { get; set; }

    /// <summary>One of <see cref="Pending"/>, <see cref="Accepted"/>, <see cref="Declined"/> or <see cref="Cancelled"/>.</summary>
    public string Status { get; set; } = Pending;

    /// <summary>Waiting for the recipient; the image is still the account's.</summary>
    public const string Pending = "pending";

    /// <summary>The recipient has the image; it has left the account.</summary>
    public const string Accepted = "accepted";

    /// <summary>The recipient declined; the image stayed.</summary>
    public const string Declined = "declined";

    /// <summary>The sender cancelled; the image stayed.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A copy.</summary>
    public FakeAccountTransfer Clone() => (FakeAccountTransfer)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => $"#{Id} of image {ImageId} to {RecipientEmail ?? RecipientTeam?.ToString()} ({Status})";
}
