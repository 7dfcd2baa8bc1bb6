using System.Collections.Concurrent;
using EFCore.DigitalOcean.Diagnostics.Internal;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>One <see cref="RateLimitState" /> per token for the whole internal service provider.</summary>
internal sealed class RateLimitRegistry
{
    private readonly ConcurrentDictionary<string, RateLimitState> _states = new();

    public RateLimitState For(string token)
        => _states.GetOrAdd(TokenKey.Of(token), static _ =>
        {
            var state = new RateLimitState();
            DigitalOceanTelemetry.Observe(state);
            return state;
        });
}
