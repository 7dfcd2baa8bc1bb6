using System.Text.RegularExpressions;

namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>
///     A list property whose values are memberships kept by another resource: an image's <c>Tags</c> are written through
///     <c>/v2/tags</c>. A value gained is <c>POST {CollectionPath}</c> (the API answers with the name in its canonical case,
///     whether it is new or not) then <c>POST {CollectionPath}/{name}/resources</c>; a value lost is
///     <c>DELETE {CollectionPath}/{name}/resources</c>; each lists every item that gains or loses it, as
///     <c>{"resource_id":"…","resource_type":ResourceType}</c>. Names compare case-insensitively.
/// </summary>
internal sealed partial record ApiMembership(string Property, string CollectionPath, string ResourceType, int MaxNameLength)
{
    /// <summary>Whether the API accepts the name: letters, digits, <c>_</c>, <c>-</c> and <c>:</c>, up to the maximum length.</summary>
    public bool IsValidName(string name) => name.Length <= MaxNameLength && NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-zA-Z0-9_\\-:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
