namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The catalogue: images in list order plus the imports in progress. Every member takes one lock, so
/// concurrent requests see each change whole. Images never leave the store: callers get copies.
/// </summary>
internal sealed class ImageStore
{
    private readonly Lock _gate = new();
    private readonly List<FakeImage> _order = [];
    private readonly Dictionary<long, FakeImage> _byId = [];

    // Each category's images in list order, so that type= and private= lists page by index too.
    private readonly Dictionary<ImageCategory, List<FakeImage>> _byCategory =
        Enum.GetValues<ImageCategory>().ToDictionary(category => category, _ => new List<FakeImage>());

    private readonly Dictionary<long, PendingImport> _imports = [];
    private readonly ImportPolicy _policy;
    private long _nextId = 1;

    public ImageStore(IEnumerable<FakeImage>? seed, ImportPolicy policy)
    {
        _policy = policy;
        foreach (var image in seed ?? [])
        {
            Insert(image);
        }
    }

    public FakeImage Add(FakeImage image)
    {
        lock (_gate)
        {
            return Insert(image).Clone();
        }
    }

    public void Remove(long id)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(id, out var image))
            {
                Unlink(image);
            }
        }
    }

    /// <summary>Sets a status by hand; this also ends any import of the image, so the test stays in control.</summary>
    public void SetStatus(long id, string status, string? errorMessage)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var image))
            {
                throw new KeyNotFoundException($"The fake has no image with id {id}.");
            }

            _imports.Remove(id);
            image.Status = status;
            image.ErrorMessage = errorMessage ?? "";
        }
    }

    public IReadOnlyList<FakeImage> Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            return _order.Select(i => i.Clone()).ToList();
        }
    }

    /// <summary>Looks an image up without counting as a client's poll.</summary>
    public FakeImage? Find(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            return _byId.GetValueOrDefault(id)?.Clone();
        }
    }

    /// <summary>A client's <c>GET /v2/images/{id}</c>: counts as a poll of an import in progress.</summary>
    public FakeImage? GetForClient(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            if (!_byId.TryGetValue(id, out var image))
            {
                return null;
            }

            if (_imports.TryGetValue(id, out var import))
            {
                if (_policy.Poll(import, now))
                {
                    ImportPolicy.Finish(image, import);
                    _imports.Remove(id);
                }
                else
                {
                    image.Status = "pending";
                }
            }

            return image.Clone();
        }
    }

    /// <summary>Only public images can be fetched by slug (spec images_get.yml).</summary>
    public FakeImage? FindPublicBySlug(string slug, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            return _order.FirstOrDefault(i => i.Public && string.Equals(i.Slug, slug, StringComparison.Ordinal))?.Clone();
        }
    }

    public (IReadOnlyList<FakeImage> Page, int Total) List(ListQuery query, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            if (query.MatchesNothing)
            {
                return ([], 0);
            }

            var source = query.Category is { } category ? _byCategory[category] : _order;

            // Without a tag filter every image of the source matches: page by index, which keeps
            // 100,000-image catalogues cheap to walk.
            return query.TagName is null
                ? query.Paging.Range(source, static i => i.Clone())
                : query.Paging.Window(source.Where(query.Matches), static i => i.Clone());
        }
    }

    /// <summary>Starts an import and returns the image as the 202 shows it (status NEW).</summary>
    public FakeImage Create(CreateImageRequest request, DateTimeOffset now)
    {
        lock (_gate)
        {
            var image = Insert(new FakeImage
            {
                Name = request.Name,
                Type = "custom",
                Distribution = request.Distribution,
                Slug = null,
                Public = false,
                Regions = [],
                CreatedAt = TruncateToSeconds(now),
                MinDiskSize = null,
                SizeGigabytes = null,
                Description = request.Description,
                Tags = request.Tags,
                Status = "NEW",
                ErrorMessage = "",
                Category = ImageCategory.User,
            });

            var answer = image.Clone();
            var import = new PendingImport(
                request.Region, request.Url.Contains(ImportPolicy.FailureMarker, StringComparison.Ordinal), now);
            if (_policy.FinishesAtOnce)
            {
                ImportPolicy.Finish(image, import);
            }
            else
            {
                _imports[image.Id] = import;
            }

            return answer;
        }
    }

    /// <summary>Applies a PUT; null when there is no such image of the account's own.</summary>
    public FakeImage? Update(long id, UpdateImageRequest request, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            if (FindOwn(id) is not { } image)
            {
                return null;
            }

            image.Name = request.Name ?? image.Name;
            image.Distribution = request.Distribution ?? image.Distribution;
            image.Description = request.Description ?? image.Description;
            return image.Clone();
        }
    }

    public DeleteOutcome Delete(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            if (FindOwn(id) is not { } image)
            {
                return DeleteOutcome.NotFound;
            }

            if (image.Status == "deleted")
            {
                return DeleteOutcome.AlreadyDeleted;
            }

            Unlink(image);
            return DeleteOutcome.Deleted;
        }
    }

    /// <summary>The Droplet snapshots, in the list order of the images.</summary>
    public IReadOnlyList<SnapshotView> DropletSnapshots(DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            return _byCategory[ImageCategory.User].Where(IsSnapshot).Select(SnapshotView.FromImage).ToList();
        }
    }

    /// <summary>Looks an image id up as a snapshot id, without counting as a client's poll.</summary>
    public (SnapshotMatch Match, SnapshotView? Snapshot) FindDropletSnapshot(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            var match = MatchSnapshot(id, out var image);
            return (match, match == SnapshotMatch.Snapshot ? SnapshotView.FromImage(image!) : null);
        }
    }

    /// <summary>Deletes a Droplet snapshot, which is an image: it leaves the images list too.</summary>
    public SnapshotMatch DeleteDropletSnapshot(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueImports(now);
            var match = MatchSnapshot(id, out var image);
            if (match == SnapshotMatch.Snapshot)
            {
                Unlink(image!);
            }

            return match;
        }
    }

    // Droplet snapshots are the account's own images of type snapshot; a public image of that type
    // (many distribution images are) is not the account's, so as a snapshot id it names nothing.
    private static bool IsSnapshot(FakeImage image) => image.Category == ImageCategory.User && image.Type == "snapshot";

    private SnapshotMatch MatchSnapshot(long id, out FakeImage? image)
    {
        image = FindOwn(id);
        return image is null ? SnapshotMatch.None : IsSnapshot(image) ? SnapshotMatch.Snapshot : SnapshotMatch.NotASnapshot;
    }

    // Only the account's own images (snapshots, backups, custom images) can be changed or deleted;
    // for anything else the account holds no such resource, so the API answers 404.
    private FakeImage? FindOwn(long id) =>
        _byId.TryGetValue(id, out var image) && image.Category == ImageCategory.User ? image : null;

    private FakeImage Insert(FakeImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var image = source.Clone();
        if (image.Id == 0)
        {
            image.Id = _nextId;
        }
        else if (image.Id < 0)
        {
            throw new ArgumentException($"Image ids must be positive, not {image.Id}.", nameof(source));
        }

        if (!Enum.IsDefined(image.Category))
        {
            throw new ArgumentException($"{image.Category} is not an image category.", nameof(source));
        }

        if (_byId.ContainsKey(image.Id))
        {
            throw new ArgumentException($"The fake already has an image with id {image.Id}.", nameof(source));
        }

        // New ids always exceed every id seen so far, even after deletes, as the real API's do.
        _nextId = Math.Max(_nextId, image.Id + 1);
        _order.Add(image);
        _byCategory[image.Category].Add(image);
        _byId.Add(image.Id, image);
        return image;
    }

    private void Unlink(FakeImage image)
    {
        _byId.Remove(image.Id);
        _order.Remove(image);
        _byCategory[image.Category].Remove(image);
        _imports.Remove(image.Id);
    }

    private void FinishDueImports(DateTimeOffset now)
    {
        if (!_policy.IsTimed || _imports.Count == 0)
        {
            return;
        }

        foreach (var (id, import) in _imports.ToList())
        {
            if (_policy.IsDue(import, now))
            {
                ImportPolicy.Finish(_byId[id], import);
                _imports.Remove(id);
            }
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
