namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The fake account's own team and the other teams it knows, fixed at start.</summary>
internal sealed class TeamDirectory(Guid ownTeam, IEnumerable<Guid>? others)
{
    private readonly HashSet<Guid> _others = [.. others ?? []];

    public Guid OwnTeam { get; } = ownTeam;

    /// <summary>
    /// Whether the account may hand an image to this team at once. The spec accepts a team transfer at
    /// once "if the user has sufficient permissions in the recipient team"; the fake's user has them in
    /// every team it knows.
    /// </summary>
    public bool IsOther(Guid team) => team != OwnTeam && _others.Contains(team);
}
