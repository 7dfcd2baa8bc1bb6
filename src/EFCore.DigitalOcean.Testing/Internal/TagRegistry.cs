namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The account's tag names in order of creation, each in its canonical case (the case it was created
/// with). Which images carry a tag is in the images' own <see cref="FakeImage.Tags"/>, so listings, the
/// images and the tags endpoints cannot disagree. Not locked itself: <see cref="ImageStore"/> calls it
/// under its lock.
/// </summary>
internal sealed class TagRegistry
{
    private readonly List<string> _order = [];

    // Names are matched without regard to case when created (the tag exists already), and exactly in URLs.
    private readonly Dictionary<string, string> _canonical = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _lastTagged = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => _order;

    /// <summary>The canonical name of the tag, created first if no tag has this name in any case.</summary>
    public string Ensure(string name)
    {
        if (_canonical.TryGetValue(name, out var canonical))
        {
            return canonical;
        }

        _order.Add(name);
        _canonical.Add(name, name);
        return name;
    }

    /// <summary>
    /// The tag a URL names: only its canonical case does (spec tags/models/tags.yml: "you must use the
    /// tag's canonical capitalization").
    /// </summary>
    public bool Exists(string name) => _canonical.TryGetValue(name, out var canonical) && canonical == name;

    public void Remove(string name)
    {
        _order.Remove(name);
        _canonical.Remove(name);
        _lastTagged.Remove(name);
    }

    public void Tagged(string name, long imageId) => _lastTagged[name] = imageId;

    public void Untagged(string name, long imageId)
    {
        if (_lastTagged.TryGetValue(name, out var last) && last == imageId)
        {
            _lastTagged.Remove(name);
        }
    }

    public long? LastTagged(string name) => _lastTagged.TryGetValue(name, out var id) ? id : null;
}
