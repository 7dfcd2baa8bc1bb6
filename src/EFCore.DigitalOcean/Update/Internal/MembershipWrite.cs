using EFCore.DigitalOcean.Metadata.Internal;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     One membership gained or lost by every item of <paramref name="Changes" />: one request listing them all (after a
///     create of the name for a gain, which answers with its canonical case).
/// </summary>
internal sealed record MembershipWrite(ApiMembership Membership, string Name, bool Gained, IReadOnlyList<MembershipChange> Changes)
{
    /// <summary>Groups changes by membership, name (case-insensitively, as the API compares them) and direction.</summary>
    public static IReadOnlyList<MembershipWrite> Group(IEnumerable<MembershipChange> changes)
        => [.. changes
            .GroupBy(c => (c.Membership, Name: c.Name.ToUpperInvariant(), c.Gained))
            .Select(g => new MembershipWrite(g.Key.Membership, g.First().Name, g.Key.Gained, [.. g]))];
}
