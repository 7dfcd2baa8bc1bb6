namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The account transfers started so far. Not locked itself: <see cref="ImageStore"/> calls it under its
/// lock, because a transfer that is accepted takes the image out of the catalogue.
/// </summary>
internal sealed class AccountTransferLedger(TeamDirectory teams)
{
    private readonly List<FakeAccountTransfer> _all = [];

    // The spec example's id.
    private long _nextId = 3164444;

    public TeamDirectory Teams { get; } = teams;

    public FakeAccountTransfer Start(long imageId, string? email, Guid? team)
    {
        var accepted = team is not null;
        var transfer = new FakeAccountTransfer
        {
            // 0 is how the API says "accepted at once" (spec images_post_account_transfer_created.yml).
            Id = accepted ? 0 : _nextId++,
            ImageId = imageId,
            RecipientEmail = email,
            RecipientTeam = team,
            Status = accepted ? FakeAccountTransfer.Accepted : FakeAccountTransfer.Pending,
        };
        _all.Add(transfer);
        return transfer.Clone();
    }

    public bool HasPending(long imageId) =>
        _all.Any(t => t.ImageId == imageId && t.Status == FakeAccountTransfer.Pending);

    /// <summary>The transfer of this image with this id; 0 names no transfer, since every accepted-at-once one has it.</summary>
    public FakeAccountTransfer? Find(long imageId, long transferId) =>
        transferId == 0 ? null : _all.FirstOrDefault(t => t.Id == transferId && t.ImageId == imageId);

    public IReadOnlyList<FakeAccountTransfer> Snapshot() => _all.Select(t => t.Clone()).ToList();
}
