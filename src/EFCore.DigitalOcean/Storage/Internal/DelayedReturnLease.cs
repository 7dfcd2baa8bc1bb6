using System.Threading.RateLimiting;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>A permit of <see cref="BurstRateLimiter" />: disposing it (when its request has ended) returns it a while later.</summary>
internal sealed class DelayedReturnLease(RateLimitLease permit, TimeSpan returnAfter, TimeProvider clock) : RateLimitLease
{
    private int _disposed;

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => permit.MetadataNames;

    public override bool TryGetMetadata(string metadataName, out object? metadata) => permit.TryGetMetadata(metadataName, out metadata);

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = ReturnLaterAsync();
        }

        base.Dispose(disposing);
    }

    private async Task ReturnLaterAsync()
    {
        try
        {
            await Task.Delay(returnAfter, clock).ConfigureAwait(false);
        }
        finally
        {
            permit.Dispose();
        }
    }
}
