using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Infrastructure;

namespace EFCore.DigitalOcean.FunctionalTests.Update.Support;

/// <summary>Contexts for write tests.</summary>
internal static class WriteContexts
{
    /// <summary>
    ///     A context with retries off: an injected fault surfaces on its first hit, so the recorded requests are exactly the
    ///     ones the provider chose to send, and a failing test fails fast instead of backing off.
    /// </summary>
    public static CloudContext CreateWriteContext(this TestCloud cloud, Action<DigitalOceanDbContextOptionsBuilder>? provider = null)
        => cloud.CreateContext(o =>
        {
            o.MaxRetries(0);
            provider?.Invoke(o);
        });
}
