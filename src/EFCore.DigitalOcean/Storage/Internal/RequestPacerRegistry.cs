using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     One in-process <see cref="BurstRateLimiter" /> per token and API endpoint for the whole internal service provider, so
///     that every context sending with a token shares its budget. Contexts that give the same token different
///     <c>RequestsPerMinute</c> or clocks get separate limiters: each keeps its own promise.
/// </summary>
internal sealed class RequestPacerRegistry : IDisposable
{
    private readonly ConcurrentDictionary<PacerKey, BurstRateLimiter> _limiters = new();

    public RateLimiter For(Uri baseAddress, string token, int requestsPerMinute, TimeProvider clock)
        => _limiters.GetOrAdd(
            new PacerKey(baseAddress, TokenKey.Of(token), requestsPerMinute, clock),
            static key => new BurstRateLimiter(key.RequestsPerMinute, key.Clock));

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private readonly record struct PacerKey(Uri BaseAddress, string Token, int RequestsPerMinute, TimeProvider Clock);
}
