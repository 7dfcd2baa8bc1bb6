namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>A custom image whose import from a URL has not finished yet.</summary>
internal sealed class PendingImport(string region, bool fails, DateTimeOffset startedAt) : IPendingWork
{
    public string Region { get; } = region;

    /// <summary>Whether the import ends in failure (its URL contained <c>import-fails</c>).</summary>
    public bool Fails { get; } = fails;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>How many client reads have shown the image so far (gets by id and listings).</summary>
    public int Polls { get; set; }
}
