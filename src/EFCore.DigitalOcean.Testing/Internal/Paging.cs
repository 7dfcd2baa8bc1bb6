using System.Globalization;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The <c>page</c> and <c>per_page</c> of a list call, read leniently as the real API does. Every list
/// shares them (spec shared/parameters.yml): default 20 per page, at most 200.
/// </summary>
internal sealed record Paging(int Page, int PerPage)
{
    public const int DefaultPerPage = 20;
    public const int MaxPerPage = 200;

    public long Offset => (long)(Page - 1) * PerPage;

    public static Paging From(IReadOnlyDictionary<string, string> query)
    {
        // per_page above the maximum is capped quietly (godo#412); nonsense falls back to the defaults.
        var perPage = ReadPositive(query, "per_page") ?? DefaultPerPage;
        return new Paging(ReadPositive(query, "page") ?? 1, Math.Min(perPage, MaxPerPage));
    }

    /// <summary>The page of a list whose every item matches, by index: cheap on 100,000-item lists.</summary>
    public (IReadOnlyList<TOut> Page, int Total) Range<TIn, TOut>(IReadOnlyList<TIn> source, Func<TIn, TOut> select)
    {
        var start = (int)Math.Min(Offset, source.Count);
        var count = Math.Min(PerPage, source.Count - start);
        var page = new List<TOut>(count);
        for (var i = start; i < start + count; i++)
        {
            page.Add(select(source[i]));
        }

        return (page, source.Count);
    }

    /// <summary>The page of the matching items, and how many match; only the items on the page are selected.</summary>
    public (IReadOnlyList<TOut> Page, int Total) Window<TIn, TOut>(IEnumerable<TIn> matches, Func<TIn, TOut> select)
    {
        var page = new List<TOut>();
        var total = 0;
        foreach (var item in matches)
        {
            if (total >= Offset && page.Count < PerPage)
            {
                page.Add(select(item));
            }

            total++;
        }

        return (page, total);
    }

    private static int? ReadPositive(IReadOnlyDictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value >= 1
            ? value
            : null;
}
