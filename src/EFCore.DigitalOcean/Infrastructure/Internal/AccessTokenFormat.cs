namespace EFCore.DigitalOcean.Infrastructure.Internal;

/// <summary>
///     What an access token may hold: printable ASCII. A control character (CR, LF, NUL…) would break or inject into the
///     Authorization header, and a non-ASCII one cannot be sent in it at all; either is refused where the token is taken,
///     not found out by a request that fails without naming the token.
/// </summary>
internal static class AccessTokenFormat
{
    public static bool IsWellFormed(string token) => token.All(c => c is >= ' ' and <= '~');
}
