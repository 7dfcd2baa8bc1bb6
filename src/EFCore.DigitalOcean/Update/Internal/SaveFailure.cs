using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     One write of one entry that failed: which entry, what the write was (a method, an action, a membership), why, and for
///     an action its body (what an in-doubt action is remembered by).
/// </summary>
internal sealed record SaveFailure(IUpdateEntry Entry, ApiResource Resource, string Write, bool IsCreate, Exception Exception)
{
    public string? ActionBody { get; init; }

    public static SaveFailure Of(WriteFailure<ApiWriteOperation> failure)
        => new(
            failure.Operation.Entry,
            failure.Operation.Resource,
            failure.Operation.Kind == ApiWriteKind.Action && failure.Operation.Settles is var (property, value)
                ? DigitalOceanStrings.ActionWrite(property.Name, value)
                : failure.Operation.Method.Method,
            failure.Operation.Kind == ApiWriteKind.Create,
            failure.Exception)
        {
            ActionBody = failure.Operation.Kind == ApiWriteKind.Action ? failure.Operation.JsonBody : null,
        };

    /// <summary>A membership write that failed fails each entry it listed.</summary>
    public static IEnumerable<SaveFailure> Of(WriteFailure<MembershipWrite> failure)
        => failure.Operation.Changes.Select(change => new SaveFailure(
            change.Entry,
            change.Resource,
            DigitalOceanStrings.MembershipWrite(change.Membership.Property, change.Name, change.Gained),
            IsCreate: false,
            failure.Exception));
}
