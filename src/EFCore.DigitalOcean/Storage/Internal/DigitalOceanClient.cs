using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Infrastructure.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Polly.Timeout;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     The one class that talks HTTP. Query and update code describe what they need (a listing, one item, a count, a write)
///     and get rows back; this class builds the requests, adds the token, pages, logs every request, and turns every error
///     response into a <see cref="DigitalOceanApiException" />. One instance per context, so each context's token stays its own.
/// </summary>
internal sealed class DigitalOceanClient : IDisposable
{
    private const int MaxErrorBodyChars = 2048;
    private const int MaxPresizedIds = 1 << 16;

    /// <summary>For requests whose every error status is an error.</summary>
    private static readonly IReadOnlyList<HttpStatusCode> NoMisses = [];

    private readonly DigitalOceanOptionsExtension _options;
    private readonly IDiagnosticsLogger<DbLoggerCategory.Database.Command> _logger;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly RateLimitRegistry _rateLimits;
    private readonly RequestPacerRegistry _pacers;
    private readonly string _userAgent;
    private AuthenticationHeaderValue? _authorization;
    private RateLimitState? _tokenState;
    private RateLimiter? _pacer;

    public DigitalOceanClient(
        IDbContextOptions options,
        DigitalOceanHttpPipeline pipeline,
        RateLimitRegistry rateLimits,
        RequestPacerRegistry pacers,
        IDiagnosticsLogger<DbLoggerCategory.Database.Command> logger)
    {
        _options = options.FindExtension<DigitalOceanOptionsExtension>()!;
        _logger = logger;
        _rateLimits = rateLimits;
        _pacers = pacers;
        _userAgent = UserAgent.For(_options.ApplicationName);
        (_http, _ownsHttp) = pipeline.CreateClient(options);
    }

    public int PageSize => _options.PageSize;

    public int MaxConcurrentRequests => _options.MaxConcurrentRequests;

    /// <summary>Starts the span of an operation on <paramref name="resource" />; null when nobody traces the provider.</summary>
    public DigitalOceanOperation? StartOperation(string operationName, ApiResource? resource)
        => DigitalOceanOperation.Start(operationName, resource, _options.BaseAddress);

    /// <summary>
    ///     Sends one request for one item of <paramref name="request" />'s listing, and returns what the API then says of
    ///     the token's rate limit. With <paramref name="singleAttempt" /> the request is neither retried nor held back by the
    ///     rate-limit spacing, so that a probe answers at once.
    /// </summary>
    public async Task<RateLimitSnapshot> ProbeAsync(
        ApiListRequest request, ResourceRowReader rows, bool singleAttempt, CancellationToken cancellationToken)
    {
        await GetPageAsync(request with { PerPage = 1, Offset = 0 }, 1, rows, consumed: null, cancellationToken, singleAttempt)
            .ConfigureAwait(false);
        return RateLimit();
    }

    /// <summary>What the API last said about the rate limit of this context's token.</summary>
    public RateLimitSnapshot RateLimit() => TokenState.Snapshot(_options.TimeProvider.GetUtcNow());

    /// <summary>What every context that uses this context's token shares.</summary>
    private RateLimitState TokenState => _tokenState ??= _rateLimits.For(_authorization?.Parameter ?? ResolveToken());

    /// <summary>What paces this context's requests: the application's limiter, else the token's in-process one, else nothing.</summary>
    private RateLimiter? Pacer(string token)
        => _options.RateLimiter
            ?? (_options.RequestsPerMinute is { } requestsPerMinute
                ? _pacer ??= _pacers.For(_options.BaseAddress, token, requestsPerMinute, _options.TimeProvider)
                : null);

    /// <summary>The configured clock, for when a write was sent.</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>
    ///     Streams every item of a listing. Page 1 tells <c>meta.total</c>; the remaining pages are then fetched up to
    ///     <c>MaxConcurrentRequests</c> at a time and yielded in order. When <paramref name="readsToEnd" /> and the token's last
    ///     answer for the same listing is remembered, the pages that answer implies are sent together with page 1 (within the
    ///     same window); page 1's total still decides which pages count, and later pages follow it as usual. An item that moved
    ///     to a later page while paging is yielded once, and a listing that ends with fewer items than the total fails instead
    ///     of returning a partial result. When <paramref name="rowsAreTransient" />, a page whose rows have all been consumed is
    ///     read into again for a later page instead of a new one.
    /// </summary>
    public async IAsyncEnumerable<ResourceRow> ListAsync(
        ApiListRequest request,
        ResourceRowReader rows,
        bool rowsAreTransient,
        bool readsToEnd,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var firstPage = request.FirstPage;
        var totals = TokenState.ListingTotals;
        var listing = ListingTotals.ListingOf(_options.BaseAddress, request);

        // Only for a caller that reads to the end: one that may stop early (Take, First, Any) never asks ahead of its need.
        var lastPage = readsToEnd && totals.Recall(listing) is { } remembered ? LastPage(request, End(request, remembered)) : firstPage;
        var fetchAhead = lastPage > firstPage;
        var skipOnFirstPage = (int)(request.Offset - (long)(firstPage - 1) * request.PerPage);
        var end = 0L;
        var total = 0L;
        RowKeySet seen = null!;
        ConcurrentBag<RowPage>? consumed = null;
        var evidenceEnds = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(int Number, Task<ResourcePage> Read)>();
        var nextPage = firstPage;

        void FillWindow()
        {
            while (!evidenceEnds && nextPage <= lastPage && inFlight.Count < _options.MaxConcurrentRequests)
            {
                inFlight.Enqueue((nextPage, GetPageAsync(request, nextPage++, rows, consumed, stop.Token)));
            }
        }

        try
        {
            FillWindow();

            // A page sent ahead beyond what page 1's total implies is not read: that total is the answer.
            while (!evidenceEnds && inFlight.TryPeek(out var next) && next.Number <= lastPage)
            {
                inFlight.Dequeue();
                var page = await next.Read.ConfigureAwait(false);
                var isFirst = next.Number == firstPage;
                if (isFirst)
                {
                    total = page.Total;
                    totals.Remember(listing, total);
                    end = End(request, total);
                    lastPage = LastPage(request, end);
                    consumed = rowsAreTransient && lastPage > firstPage ? new ConcurrentBag<RowPage>() : null;

                    // An item that moves to a later page while listing would come twice; its id is all that is kept of it (8
                    // bytes and a set entry per item, against the ~1 KB of the image itself). Sized for the listing up front,
                    // so that it is not rehashed as it grows.
                    seen = rows.NewKeySet((int)Math.Clamp(end - request.Offset, 0, MaxPresizedIds));
                }

                evidenceEnds = EndsListing(request, next.Number, page, total);

                // The freed place goes to the next page at once, not after this page's rows have been consumed. Page 1 alone
                // is handed out before any other page is requested (unless pages were sent ahead): a query that stops within
                // it (First with an in-memory filter) sends one request. Past page 1 the listing is evidently long.
                if (!isFirst || fetchAhead)
                {
                    FillWindow();
                }

                for (var i = isFirst ? skipOnFirstPage : 0; i < page.Rows.Count; i++)
                {
                    var row = page.Rows[i];
                    if (seen.Add(row))
                    {
                        yield return row;
                    }
                }

                CheckNotBeyondTotal(request, next.Number, seen.Count, total);
                consumed?.Add(page.Rows);
                FillWindow();
            }
        }
        finally
        {
            // Abandon pages nobody will read, and observe them so that their failures are not left unobserved.
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var (_, abandoned) in inFlight)
            {
                await abandoned.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                    .ConfigureAwait(false);
            }
        }

        // Every item meta.total announced within the wanted window must have come; a short page before its end is no end.
        if (seen.Count < end - request.Offset)
        {
            throw new DigitalOceanApiException(
                DigitalOceanStrings.IncompleteListing("GET /" + request.PagePath(request.FirstPage), seen.Count, end - request.Offset),
                HttpStatusCode.OK);
        }
    }

    /// <summary>Where the wanted window of a listing of <paramref name="total" /> items ends: the total, or the limit before it.</summary>
    private static long End(ApiListRequest request, long total)
        => Math.Min(total, request.Limit is { } limit ? request.Offset + limit : long.MaxValue);

    /// <summary>The page that holds the item before <paramref name="end" />; the first page when the window is empty.</summary>
    private static int LastPage(ApiListRequest request, long end)
        => (int)Math.Clamp(end / request.PerPage + (end % request.PerPage > 0 ? 1 : 0), request.FirstPage, int.MaxValue);

    /// <summary>
    ///     <c>meta.total</c> is evidence, not an order: a page holding fewer items than the total leaves for it ends the
    ///     listing (no later page is asked for), whatever the total says.
    /// </summary>
    private static bool EndsListing(ApiListRequest request, int page, ResourcePage read, long total)
        => read.Rows.Count < Math.Clamp(total - (long)(page - 1) * request.PerPage, 0, request.PerPage);

    /// <summary>More distinct items than <c>meta.total</c> counts is a lie about the total: the listing fails.</summary>
    private static void CheckNotBeyondTotal(ApiListRequest request, int page, int seen, long total)
    {
        if (request.Offset + seen > total)
        {
            throw new DigitalOceanApiException(
                DigitalOceanStrings.PageBeyondTotal("GET /" + request.PagePath(page), request.Offset + seen, total), HttpStatusCode.OK);
        }
    }

    /// <summary>Reads <c>meta.total</c> from a one-item page, and remembers it for a listing of the same items.</summary>
    public async Task<long> CountAsync(ApiListRequest request, ResourceRowReader rows, CancellationToken cancellationToken)
    {
        var total = (await GetPageAsync(request with { PerPage = 1, Offset = 0 }, 1, rows, consumed: null, cancellationToken)
            .ConfigureAwait(false)).Total;
        TokenState.ListingTotals.Remember(ListingTotals.ListingOf(_options.BaseAddress, request), total);
        return total;
    }

    /// <summary>
    ///     Reads one item by key or alternate key; <see langword="null" /> when the API answers one of the resource's
    ///     point-read misses (404, and for some resources a 400 that says the key names another kind of item).
    /// </summary>
    public async Task<ResourceRow?> FindAsync(
        ApiResource resource, string itemPath, ResourceRowReader rows, CancellationToken cancellationToken)
    {
        var item = await SendAsync(
                HttpMethod.Get, resource, itemPath, null, rows.Envelopes.ReadItem, resource.PointReadMisses, cancellationToken)
            .ConfigureAwait(false);
        return item?.Row;
    }

    /// <summary>Creates an item (the API answers 202 with the new item) and returns the server's row.</summary>
    public async Task<ResourceRow> CreateAsync(ApiResource resource, string jsonBody, ResourceRowReader rows, CancellationToken cancellationToken)
        => (await SendAsync(HttpMethod.Post, resource, resource.CollectionPath, jsonBody, rows.Envelopes.ReadItem, NoMisses, cancellationToken)
            .ConfigureAwait(false))!.Row;

    /// <summary>Updates an item and returns the server's row.</summary>
    public async Task<ResourceRow> UpdateAsync(
        ApiResource resource, string keySegment, string jsonBody, ResourceRowReader rows, CancellationToken cancellationToken)
        => (await SendAsync(HttpMethod.Put, resource, resource.ItemPath(keySegment), jsonBody, rows.Envelopes.ReadItem, NoMisses, cancellationToken)
            .ConfigureAwait(false))!.Row;

    /// <summary>Deletes an item (the API answers 204).</summary>
    public Task DeleteAsync(ApiResource resource, string keySegment, CancellationToken cancellationToken)
        => SendAsync<ResourceItem>(HttpMethod.Delete, resource, resource.ItemPath(keySegment), null, null, NoMisses, cancellationToken);

    /// <summary>
    ///     Sends a request that is no resource's own read or write (an image action, a tag's members, an account transfer) and
    ///     reads its answer with <paramref name="readBody" />, or none when it is null. A POST is retried only on 429, as a create.
    /// </summary>
    public Task<T?> SendAsync<T>(HttpMethod method, string path, string? jsonBody, BodyReader<T>? readBody, CancellationToken cancellationToken)
        => SendAsync(method, null, path, jsonBody, readBody, NoMisses, cancellationToken);

    /// <summary>Sends a request that is no resource's own; an answer with one of <paramref name="emptyStatuses" /> is no result.</summary>
    public Task<T?> SendAsync<T>(
        HttpMethod method,
        string path,
        string? jsonBody,
        BodyReader<T>? readBody,
        IReadOnlyList<HttpStatusCode> emptyStatuses,
        CancellationToken cancellationToken)
        => SendAsync(method, null, path, jsonBody, readBody, emptyStatuses, cancellationToken);

    private async Task<ResourcePage> GetPageAsync(
        ApiListRequest request,
        int page,
        ResourceRowReader rows,
        ConcurrentBag<RowPage>? consumed,
        CancellationToken cancellationToken,
        bool singleAttempt = false)
        => (await SendAsync(
                HttpMethod.Get,
                request.Resource,
                request.PagePath(page),
                null,
                body => rows.Envelopes.ReadPage(
                    body, request.PerPage, reuse: consumed is not null && consumed.TryTake(out var used) ? used : null),
                NoMisses,
                cancellationToken,
                singleAttempt)
            .ConfigureAwait(false))!;

    /// <summary>
    ///     Sends a request (for <paramref name="resource" />, which names it in telemetry, when it is that resource's own); an
    ///     answer with one of <paramref name="emptyStatuses" /> is no result, any other error an exception.
    /// </summary>
    private async Task<T?> SendAsync<T>(
        HttpMethod method,
        ApiResource? resource,
        string path,
        string? jsonBody,
        BodyReader<T>? readBody,
        IReadOnlyList<HttpStatusCode> emptyStatuses,
        CancellationToken cancellationToken,
        bool singleAttempt = false)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = _authorization ??= new AuthenticationHeaderValue("Bearer", ResolveToken());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Options.Set(RateLimitThrottleHandler.Logger, _logger);
        if (Pacer(request.Headers.Authorization.Parameter!) is { } pacer)
        {
            request.Options.Set(RequestPacingHandler.Limiter, pacer);
        }

        if (resource is not null)
        {
            request.Options.Set(DigitalOceanTelemetry.CollectionKey, resource.Name);
        }
        if (DigitalOceanOperation.Current is { } operation)
        {
            request.Options.Set(DigitalOceanTelemetry.OperationKey, operation);
        }

        if (singleAttempt)
        {
            request.Options.Set(RetryPolicy.SingleAttempt, true);
        }
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        var displayPath = "/" + path;
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or TimeoutRejectedException)
        {
            _logger.RequestCompleted(
                method.Method, displayPath, (exception as ResponseBodyLostException)?.StatusCode, Stopwatch.GetElapsedTime(started), null, null, jsonBody);
            if (exception is ResponseBodyLostException lost)
            {
                throw new DigitalOceanApiException(
                    DigitalOceanStrings.ResponseUnreadable(
                        method.Method + " " + displayPath, (int)lost.StatusCode!, DigitalOceanStrings.BodyCutOff + RequestIdSuffix(Redact(lost.RequestId))),
                    lost.StatusCode!.Value,
                    requestId: Redact(lost.RequestId),
                    innerException: lost.InnerException);
            }

            if (exception is TimeoutRejectedException)
            {
                throw new TimeoutException(
                    $"{method.Method} {displayPath} got no response within {_options.RequestTimeout.TotalSeconds:0.#} s.", exception);
            }

            throw;
        }

        using (response)
        {
            // An application's own handler may follow redirects; an answer from another host is not the API's answer.
            if (response.RequestMessage?.RequestUri is { } answeredBy
                && Uri.Compare(answeredBy, _options.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                _logger.RequestCompleted(method.Method, displayPath, response.StatusCode, Stopwatch.GetElapsedTime(started), null, null, jsonBody);
                throw new DigitalOceanApiException(
                    $"{method.Method} {displayPath} was redirected to {answeredBy.GetLeftPart(UriPartial.Authority)}; the provider "
                    + "only accepts answers from its base address.",
                    HttpStatusCode.Redirect);
            }

            var remaining = ResponseHeaders.GetCount(response, ResponseHeaders.RateLimitRemaining);
            var requestId = Redact(ResponseHeaders.Get(response, ResponseHeaders.RequestId));
            _logger.RequestCompleted(
                method.Method, displayPath, response.StatusCode, Stopwatch.GetElapsedTime(started), remaining, requestId, jsonBody, emptyStatuses.Count > 0);
            if (!response.IsSuccessStatusCode)
            {
                // A DELETE that was retried and now finds nothing was applied by an earlier attempt.
                if (emptyStatuses.Contains(response.StatusCode)
                    || (response.StatusCode == HttpStatusCode.NotFound && method == HttpMethod.Delete
                        && request.Options.TryGetValue(RetryPolicy.Retried, out var retried) && retried))
                {
                    return default;
                }

                throw await CreateApiExceptionAsync(response, method.Method + " " + displayPath, requestId, cancellationToken)
                    .ConfigureAwait(false);
            }

            if (readBody is null)
            {
                return default;
            }

            try
            {
                // The buffering stage of the pipeline has read every body whole into a pooled buffer: parsed in one pass, in place.
                return readBody(((PooledBodyContent)response.Content).Body);
            }
            catch (JsonException exception)
            {
                throw new DigitalOceanApiException(
                    DigitalOceanStrings.ResponseUnreadable(
                        method.Method + " " + displayPath, (int)response.StatusCode, exception.Message + RequestIdSuffix(requestId)),
                    response.StatusCode,
                    requestId: requestId,
                    innerException: exception);
            }
        }
    }

    private async Task<DigitalOceanApiException> CreateApiExceptionAsync(
        HttpResponseMessage response, string request, string? headerRequestId, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        ApiErrorBody? error = null;
        try
        {
            error = text.Length == 0 ? null : JsonSerializer.Deserialize(text, DigitalOceanJsonContext.Default.ApiErrorBody);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or other non-JSON body: described below instead.
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var message = Redact(error?.Message
            ?? (text.Length == 0
                ? $"{response.ReasonPhrase} (empty body)"
                : $"{response.ReasonPhrase} ({mediaType} body: {Truncate(text)})"))!;
        var requestId = Redact(error?.RequestId) ?? headerRequestId;
        var errorId = Redact(error?.Id);
        return new DigitalOceanApiException(
            DigitalOceanStrings.ApiError(request, (int)response.StatusCode, errorId, message) + RequestIdSuffix(requestId),
            response.StatusCode,
            errorId,
            requestId);
    }

    private string ResolveToken()
        => _options.AccessToken
            ?? NonEmptyVariable(DigitalOceanStrings.TokenVariable)
            ?? NonEmptyVariable(DigitalOceanStrings.AccessTokenVariable)
            ?? throw new InvalidOperationException(DigitalOceanStrings.NoAccessToken);

    private static string? NonEmptyVariable(string name)
        => Environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value)
            ? AccessTokenFormat.IsWellFormed(value.Trim())
                ? value.Trim()
                : throw new InvalidOperationException(DigitalOceanStrings.MalformedAccessToken($"The access token in {name}"))
            : null;

    /// <summary>A server may echo the token (a 401 message, a proxy's page, a header): it never reaches a log or a message.</summary>
    private string? Redact(string? serverText)
        => serverText is null || _authorization?.Parameter is not { Length: > 0 } token
            ? serverText
            : serverText.Replace(token, "***", StringComparison.Ordinal);

    private static string RequestIdSuffix(string? requestId) => requestId is null ? "" : $" (request id {requestId})";

    private static string Truncate(string text)
    {
        var singleLine = text.ReplaceLineEndings(" ").Trim();
        return singleLine.Length <= MaxErrorBodyChars ? singleLine : singleLine[..MaxErrorBodyChars] + "…";
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
