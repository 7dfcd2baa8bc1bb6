namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The filters and paging of <c>GET /v2/images</c>, read leniently as the real API does.</summary>
internal sealed record ListQuery(ImageCategory? Category, bool MatchesNothing, string? TagName, Paging Paging)
{
    public static ListQuery From(IReadOnlyDictionary<string, string> query)
    {
        ImageCategory? category = null;
        var matchesNothing = false;
        if (query.TryGetValue("type", out var type) && type.Length > 0)
        {
            // The parameter is an enum of two values; any other value can match no image.
            category = type switch
            {
                "distribution" => ImageCategory.Distribution,
                "application" => ImageCategory.Application,
                _ => null,
            };
            matchesNothing = category is null;
        }

        // private=false (or absent) is no filter at all: only private=true narrows the list.
        if (query.TryGetValue("private", out var isPrivate) && IsTrue(isPrivate))
        {
            if (category is { } other && other != ImageCategory.User)
            {
                matchesNothing = true;
            }

            category = ImageCategory.User;
        }

        var tag = query.TryGetValue("tag_name", out var tagName) && tagName.Length > 0 ? tagName : null;
        return new ListQuery(category, matchesNothing, tag, Paging.From(query));
    }

    public bool Matches(FakeImage image) =>
        !MatchesNothing
        && (Category is null || image.Category == Category)
        && (TagName is null || (image.Tags?.Contains(TagName, StringComparer.Ordinal) ?? false));

    // Go's strconv.ParseBool spellings of true.
    private static bool IsTrue(string value) =>
        value is "1" or "t" or "T" || value.Equals("true", StringComparison.OrdinalIgnoreCase);
}
