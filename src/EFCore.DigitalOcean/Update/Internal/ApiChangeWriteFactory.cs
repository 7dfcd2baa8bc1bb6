using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     Maps the changes of a modified entry that are not a PUT to the writes that apply them, as a pure function, as the
///     resource describes them: each value added to a list property with an action is one action (a region added is one
///     transfer), an allowed transition of a property is one action (backup to snapshot is a convert), and each membership
///     gained or lost (a tag) is one <see cref="MembershipChange" />. What the API cannot do yields a problem instead.
/// </summary>
internal static class ApiChangeWriteFactory
{
    /// <summary>Whether a property's change is written by an action or a membership rather than by the PUT.</summary>
    public static bool IsChangeWrite(ApiResource resource, string property)
        => resource.ListActions.Any(a => a.Property == property)
            || resource.TransitionActions.Any(a => a.Property == property)
            || resource.Membership?.Property == property;

    public static void Map(
        IUpdateEntry entry,
        ApiResource resource,
        string keySegment,
        List<ApiWriteOperation> actions,
        List<MembershipChange> memberships,
        List<string> problems)
    {
        var item = ApiWriteOperationFactory.Describe(entry, resource);
        foreach (var list in resource.ListActions)
        {
            var property = entry.EntityType.FindProperty(list.Property)!;
            if (!entry.IsModified(property))
            {
                continue;
            }

            var (original, current) = (Values(entry.GetOriginalValue(property)), Values(entry.GetCurrentValue(property)));
            foreach (var removed in original.Except(current, StringComparer.Ordinal))
            {
                problems.Add(DigitalOceanStrings.CannotRemoveListValue(item, list.Property, removed));
            }

            var added = current.Except(original, StringComparer.Ordinal).ToList();
            if (added.Count > 0 && list.RefusedWhenProperty is { } guard
                && Equals(entry.GetOriginalValue(entry.EntityType.FindProperty(guard)!), list.RefusedWhenValue))
            {
                problems.Add(DigitalOceanStrings.ActionRefusedFor(item, list.ActionType, guard, list.RefusedWhenValue!));
                continue;
            }

            actions.AddRange(added.Select(value => Action(
                entry, resource, keySegment, property, value, ActionRequestBody.Write(list.ActionType, list.ValueField, value))));
        }

        foreach (var transition in resource.TransitionActions)
        {
            var property = entry.EntityType.FindProperty(transition.Property)!;
            if (!entry.IsModified(property) || Equals(entry.GetOriginalValue(property), entry.GetCurrentValue(property)))
            {
                continue;
            }

            if (!Equals(entry.GetOriginalValue(property), transition.From) || !Equals(entry.GetCurrentValue(property), transition.To))
            {
                problems.Add(DigitalOceanStrings.OnlyTransition(item, transition.Property, transition.From, transition.To));
                continue;
            }

            actions.Add(Action(entry, resource, keySegment, property, transition.To, ActionRequestBody.Write(transition.ActionType)));
        }

        if (resource.Membership is { } membership && entry.EntityType.FindProperty(membership.Property) is { } members
            && entry.IsModified(members))
        {
            var (original, current) = (Values(entry.GetOriginalValue(members)), Values(entry.GetCurrentValue(members)));
            foreach (var invalid in current.Where(name => !membership.IsValidName(name)))
            {
                problems.Add(DigitalOceanStrings.InvalidMembershipName(item, membership.Property, invalid, membership.MaxNameLength));
            }

            memberships.AddRange(current.Except(original, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(name => new MembershipChange(entry, resource, membership, keySegment, name, Gained: true)));
            memberships.AddRange(original.Except(current, StringComparer.OrdinalIgnoreCase)
                .Select(name => new MembershipChange(entry, resource, membership, keySegment, name, Gained: false)));
        }
    }

    private static ApiWriteOperation Action(
        IUpdateEntry entry, ApiResource resource, string keySegment, IProperty property, object value, string body)
        => new(entry, resource, ApiWriteKind.Action, keySegment, body) { Settles = (property, value) };

    /// <summary>The values of a string-list property; none for a null list.</summary>
    public static IReadOnlyList<string> Values(object? list) => list as IReadOnlyList<string> ?? [];
}
