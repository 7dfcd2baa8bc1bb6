using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>One item gaining or losing one membership (an image gaining the tag "prod"); grouped per name before sending.</summary>
internal sealed record MembershipChange(IUpdateEntry Entry, ApiResource Resource, ApiMembership Membership, string KeySegment, string Name, bool Gained);
