namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// The catalogue: images in list order plus the work on them (imports and actions in progress, tags,
/// account transfers). Every member takes one lock, so concurrent requests see each change whole.
/// Images never leave the store: callers get copies. Every client read that shows an image counts as a
/// poll of the work in progress on it, so a client that waits by listing sees the work finish.
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
    private readonly CompletionPolicy _policy;
    private readonly ActionLedger _actions;
    private readonly TagRegistry _tags = new();
    private readonly AccountTransferLedger _transfers;
    private readonly RegionCatalog _regions;
    private long _nextId = 1;

    public ImageStore(IEnumerable<FakeImage>? seed, StoreSettings settings)
    {
        _policy = settings.Imports;
        _actions = new ActionLedger(settings.Actions, settings.ActionNotFoundReads, FindOwn);
        _transfers = new AccountTransferLedger(settings.Teams);
        _regions = settings.Regions;
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
            FinishDueWork(now);
            return _order.Select(i => i.Clone()).ToList();
        }
    }

    public IReadOnlyList<FakeAction> ActionsSnapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            return _actions.Snapshot();
        }
    }

    public IReadOnlyList<string> TagNames()
    {
        lock (_gate)
        {
            return [.. _tags.Names];
        }
    }

    public IReadOnlyList<FakeAccountTransfer> TransfersSnapshot()
    {
        lock (_gate)
        {
            return _transfers.Snapshot();
        }
    }

    public void SetActionStatus(long actionId, string status, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            _actions.SetStatus(actionId, status, now);
        }
    }

    /// <summary>Looks an image up without counting as a client's poll.</summary>
    public FakeImage? Find(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            return _byId.GetValueOrDefault(id)?.Clone();
        }
    }

    /// <summary>A client's <c>GET /v2/images/{id}</c>: counts as a poll of an import in progress.</summary>
    public FakeImage? GetForClient(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            return _byId.TryGetValue(id, out var image) ? ShowToClient(image, now) : null;
        }
    }

    /// <summary>Only public images can be fetched by slug (spec images_get.yml).</summary>
    public FakeImage? FindPublicBySlug(string slug, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            return _order.FirstOrDefault(i => i.Public && string.Equals(i.Slug, slug, StringComparison.Ordinal))?.Clone();
        }
    }

    public (IReadOnlyList<FakeImage> Page, int Total) List(ListQuery query, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            if (query.MatchesNothing)
            {
                return ([], 0);
            }

            var source = query.Category is { } category ? _byCategory[category] : _order;

            // Without a tag filter every image of the source matches: page by index, which keeps
            // 100,000-image catalogues cheap to walk.
            return query.TagName is null
                ? query.Paging.Range(source, i => ShowToClient(i, now))
                : query.Paging.Window(source.Where(query.Matches), i => ShowToClient(i, now));
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
                CreatedAt = Timestamps.TruncateToSeconds(now),
                MinDiskSize = null,
                SizeGigabytes = null,
                Description = request.Description,

                // Tags that do not exist yet are created (spec shared/attributes/tags_array.yml).
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
            FinishDueWork(now);
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
            FinishDueWork(now);
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
            FinishDueWork(now);
            return _byCategory[ImageCategory.User].Where(IsSnapshot).Select(SnapshotView.FromImage).ToList();
        }
    }

    /// <summary>Looks an image id up as a snapshot id, without counting as a client's poll.</summary>
    public (SnapshotMatch Match, SnapshotView? Snapshot) FindDropletSnapshot(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            var match = MatchSnapshot(id, out var image);
            return (match, match == SnapshotMatch.Snapshot ? SnapshotView.FromImage(image!) : null);
        }
    }

    /// <summary>Deletes a Droplet snapshot, which is an image: it leaves the images list too.</summary>
    public SnapshotMatch DeleteDropletSnapshot(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            var match = MatchSnapshot(id, out var image);
            if (match == SnapshotMatch.Snapshot)
            {
                Unlink(image!);
            }

            return match;
        }
    }

    /// <summary>Starts a transfer or convert on one of the account's images, or says why it cannot (404: no such image).</summary>
    public ApiError? StartAction(long imageId, ImageActionRequest request, DateTimeOffset now, out FakeAction? action)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            action = null;
            if (FindOwn(imageId) is not { } image)
            {
                return ApiError.NotFound;
            }

            if (ImageActionRules.Check(image, request, _regions, _actions) is { } error)
            {
                return error;
            }

            var region = request.Type == ImageActionTypes.Transfer ? request.Region : ImageActionRules.ConvertRegion(image);
            action = _actions.Start(imageId, request.Type!, region, now);
            return null;
        }
    }

    /// <summary>A client's GET of an action, by the image path (<paramref name="imageId"/> set) or the account path.</summary>
    public FakeAction? GetAction(long actionId, long? imageId, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            return imageId is { } id && FindOwn(id) is null ? null : _actions.Get(actionId, imageId, now);
        }
    }

    /// <summary>
    /// A page of an image's actions (or the account's), counted as a poll unless <paramref name="poll"/> is
    /// false; <see langword="null"/> when there is no such image.
    /// </summary>
    public (IReadOnlyList<FakeAction> Page, int Total)? ListActions(long? imageId, Paging paging, DateTimeOffset now, bool poll = true)
    {
        lock (_gate)
        {
            FinishDueWork(now);
            return imageId is { } id && FindOwn(id) is null ? null : _actions.List(imageId, paging, now, poll);
        }
    }

    /// <summary><c>POST /v2/tags</c>: the tag, created unless a tag has the name in any case.</summary>
    public TagView CreateTag(string name)
    {
        lock (_gate)
        {
            return ViewTag(_tags.Ensure(name));
        }
    }

    public (IReadOnlyList<TagView> Page, int Total) ListTags(Paging paging)
    {
        lock (_gate)
        {
            return paging.Range(_tags.Names, ViewTag);
        }
    }

    /// <summary>The tag a URL names (canonical case only), or <see langword="null"/>.</summary>
    public TagView? GetTag(string name)
    {
        lock (_gate)
        {
            return _tags.Exists(name) ? ViewTag(name) : null;
        }
    }

    /// <summary>Deletes a tag and takes it off every image; false when the URL names no tag.</summary>
    public bool DeleteTag(string name)
    {
        lock (_gate)
        {
            if (!_tags.Exists(name))
            {
                return false;
            }

            foreach (var image in _order)
            {
                image.Tags?.Remove(name);
            }

            _tags.Remove(name);
            return true;
        }
    }

    /// <summary>
    /// Tags or untags images, all or none: an error when the URL names no tag, or when a resource is not
    /// one of the account's images (the fake holds no Droplets or volumes, so those name nothing) [inferred].
    /// </summary>
    public ApiError? SetTagged(string name, IReadOnlyList<TagResource> resources, bool tagged)
    {
        lock (_gate)
        {
            if (!_tags.Exists(name))
            {
                return ApiError.NotFound;
            }

            var images = new List<FakeImage>();
            foreach (var resource in resources)
            {
                if (resource.Type != "image" || !ImageIds.TryParse(resource.Id, out var id) || FindOwn(id) is not { } image)
                {
                    return ApiError.NotFound;
                }

                images.Add(image);
            }

            foreach (var image in images)
            {
                Tag(image, name, tagged);
            }

            return null;
        }
    }

    /// <summary>Starts an account transfer of a snapshot image; a team the fake knows takes it at once.</summary>
    public ApiError? StartAccountTransfer(long imageId, TransferStartRequest request, out FakeAccountTransfer? transfer)
    {
        lock (_gate)
        {
            transfer = null;
            if (FindOwn(imageId) is not { } image)
            {
                return ApiError.NotFound;
            }

            // The spec's only 4xx besides 404 is 400 bad_request; its texts here are the fake's own [inferred].
            if (!IsSnapshot(image))
            {
                return ApiError.BadRequestBecause("only snapshot images can be transferred to another account");
            }

            if (request.Team is { } team && !_transfers.Teams.IsOther(team))
            {
                return ApiError.BadRequestBecause(team == _transfers.Teams.OwnTeam
                    ? "the image already belongs to the recipient team"
                    : "the recipient team was not found");
            }

            if (_transfers.HasPending(imageId))
            {
                return ApiError.BadRequestBecause("the image already has a pending account transfer");
            }

            transfer = _transfers.Start(imageId, request.Email, request.Team);
            if (transfer.Status == FakeAccountTransfer.Accepted)
            {
                Unlink(image);
            }

            return null;
        }
    }

    /// <summary>
    /// Accept, decline or cancel: 404 for an image or transfer id the account does not have, 400 for a
    /// transfer that is no longer pending or an accept into a team the fake does not know [inferred].
    /// </summary>
    public ApiError? EndAccountTransfer(long imageId, TransferIdRequest request, string outcome)
    {
        lock (_gate)
        {
            if (FindOwn(imageId) is not { } image || _transfers.Find(imageId, request.TransferId) is not { } transfer)
            {
                return ApiError.NotFound;
            }

            if (transfer.Status != FakeAccountTransfer.Pending)
            {
                return ApiError.BadRequestBecause($"the transfer is {transfer.Status}, not pending");
            }

            if (outcome == FakeAccountTransfer.Accepted)
            {
                if (request.Recipient is not { } team || !_transfers.Teams.IsOther(team))
                {
                    return ApiError.BadRequestBecause("the recipient team was not found");
                }

                transfer.RecipientTeam = team;
                Unlink(image);
            }

            transfer.Status = outcome;
            return null;
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

        image.Tags = image.Tags is null ? null : [.. image.Tags.Select(_tags.Ensure).Distinct(StringComparer.Ordinal)];
        foreach (var tag in image.Tags ?? [])
        {
            _tags.Tagged(tag, image.Id);
        }

        // New ids always exceed every id seen so far, even after deletes, as the real API's do.
        _nextId = Math.Max(_nextId, image.Id + 1);
        _order.Add(image);
        _byCategory[image.Category].Add(image);
        _byId.Add(image.Id, image);
        return image;
    }

    private void Tag(FakeImage image, string name, bool tagged)
    {
        var tags = image.Tags ??= [];
        if (tagged)
        {
            if (!tags.Contains(name, StringComparer.Ordinal))
            {
                tags.Add(name);
            }

            _tags.Tagged(name, image.Id);
        }
        else
        {
            tags.Remove(name);
            _tags.Untagged(name, image.Id);
        }
    }

    private TagView ViewTag(string name)
    {
        var count = _order.Count(i => i.Tags?.Contains(name, StringComparer.Ordinal) ?? false);
        var last = _tags.LastTagged(name) is { } id && _byId.TryGetValue(id, out var image)
            && (image.Tags?.Contains(name, StringComparer.Ordinal) ?? false)
                ? id
                : (long?)null;
        return new TagView(name, count, last);
    }

    private void Unlink(FakeImage image)
    {
        _byId.Remove(image.Id);
        _order.Remove(image);
        _byCategory[image.Category].Remove(image);
        _imports.Remove(image.Id);
    }

    /// <summary>A client read shows the image: its work in progress counts a poll, then the client gets a copy.</summary>
    private FakeImage ShowToClient(FakeImage image, DateTimeOffset now)
    {
        if (_imports.TryGetValue(image.Id, out var import))
        {
            if (_policy.Poll(import, now))
            {
                ImportPolicy.Finish(image, import);
                _imports.Remove(image.Id);
            }
            else
            {
                image.Status = "pending";
            }
        }

        _actions.PollImage(image.Id, now);
        return image.Clone();
    }

    private void FinishDueWork(DateTimeOffset now)
    {
        _actions.FinishDue(now);
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
}
