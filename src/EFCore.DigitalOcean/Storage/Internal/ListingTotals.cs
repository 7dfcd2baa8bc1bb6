namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The last <c>meta.total</c> each of one token's recent listings answered, so that a listing sent again can ask for the
///     pages that total implies together with its first page instead of after it. A listing is its base address, path and
///     filters: the page size and the page do not change what it holds. Bounded: the <see cref="Capacity" /> listings used
///     last are kept, and the one unused longest is forgotten first.
/// </summary>
internal sealed class ListingTotals
{
    public const int Capacity = 32;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Listing, long Total)>> _byListing = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Listing, long Total)> _mostRecentFirst = new();

    /// <summary>What the totals of <paramref name="request" /> are remembered under.</summary>
    public static string ListingOf(Uri baseAddress, ApiListRequest request) => baseAddress.AbsoluteUri + request.FilteredPath();

    /// <summary>The total <paramref name="listing" /> last answered, if it is among the ones kept.</summary>
    public long? Recall(string listing)
    {
        lock (_lock)
        {
            if (!_byListing.TryGetValue(listing, out var entry))
            {
                return null;
            }

            MoveToFront(entry);
            return entry.Value.Total;
        }
    }

    public void Remember(string listing, long total)
    {
        lock (_lock)
        {
            if (_byListing.TryGetValue(listing, out var entry))
            {
                entry.Value = (listing, total);
                MoveToFront(entry);
                return;
            }

            if (_byListing.Count == Capacity)
            {
                _byListing.Remove(_mostRecentFirst.Last!.Value.Listing);
                _mostRecentFirst.RemoveLast();
            }

            _byListing.Add(listing, _mostRecentFirst.AddFirst((listing, total)));
        }
    }

    /// <summary>Forgets every total, as a new process would start: for measuring a first listing.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _byListing.Clear();
            _mostRecentFirst.Clear();
        }
    }

    private void MoveToFront(LinkedListNode<(string Listing, long Total)> entry)
    {
        _mostRecentFirst.Remove(entry);
        _mostRecentFirst.AddFirst(entry);
    }
}
