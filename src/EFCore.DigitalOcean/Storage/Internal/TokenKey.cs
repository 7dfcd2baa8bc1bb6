using System.Security.Cryptography;
using System.Text;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>What per-token state is kept under: a hash, so that no token of a context that is long gone stays in memory.</summary>
internal static class TokenKey
{
    public static string Of(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
