using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EFCore.DigitalOcean.Diagnostics.Internal;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>One <see cref="RateLimitState" /> per token for the whole internal service provider.</summary>
internal sealed class RateLimitRegistry
{
    // Keyed by a hash, so that the registry keeps no token of a context that is long gone.
    private readonly ConcurrentDictionary<string, RateLimitState> _states = new();

    public RateLimitState For(string token)
        => _states.GetOrAdd(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))), static _ =>
        {
            var state = new RateLimitState();
            DigitalOceanTelemetry.Observe(state);
            return state;
        });
}
