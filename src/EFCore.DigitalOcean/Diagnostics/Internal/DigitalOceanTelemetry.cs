using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using EFCore.DigitalOcean.Storage.Internal;

namespace EFCore.DigitalOcean.Diagnostics.Internal;

/// <summary>
///     The provider's <see cref="ActivitySource" /> and <see cref="Meter" />, both named <c>EFCore.DigitalOcean</c>, and the
///     instruments every HTTP attempt, retry and throttle wait is recorded on. Tags follow OpenTelemetry's database and HTTP
///     client conventions where they fit. No tag or value is ever the access token or derived from it: the rate-limit gauge
///     tells tokens apart by a number the process hands out.
/// </summary>
internal static class DigitalOceanTelemetry
{
    public const string Name = "EFCore.DigitalOcean";
    public const string SystemName = "digitalocean";

    public const string SystemNameTag = "db.system.name";
    public const string OperationNameTag = "db.operation.name";
    public const string CollectionNameTag = "db.collection.name";
    public const string ResponseStatusCodeTag = "db.response.status_code";
    public const string ReturnedRowsTag = "db.response.returned_rows";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string ErrorTypeTag = "error.type";
    public const string MethodTag = "http.request.method";
    public const string StatusCodeTag = "http.response.status_code";
    public const string RequestsTag = "digitalocean.requests";
    public const string ItemsTag = "digitalocean.items";
    public const string RetriesTag = "digitalocean.retries";
    public const string ThrottleWaitsTag = "digitalocean.throttle_waits";
    public const string RateLimitIdTag = "digitalocean.rate_limit.id";

    /// <summary>The resource a request is for (its collection name), set by the client on every request.</summary>
    public static readonly HttpRequestOptionsKey<string> CollectionKey = new("EFCore.DigitalOcean.Collection");

    /// <summary>The operation a request belongs to, when it is traced.</summary>
    public static readonly HttpRequestOptionsKey<DigitalOceanOperation> OperationKey = new("EFCore.DigitalOcean.Operation");

    /// <summary>The provider's version without build metadata, such as <c>0.1.0</c>.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "digitalocean.client.requests", "{request}", "HTTP requests sent to the DigitalOcean API, each attempt counted.");

    private static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "digitalocean.client.request.duration", "s", "How long one HTTP attempt took, from sending to the response headers.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "digitalocean.client.retries", "{retry}", "Requests sent again after a failed attempt.");

    private static readonly Counter<long> ThrottleWaits = Meter.CreateCounter<long>(
        "digitalocean.client.throttle_waits", "{wait}", "Waits before a request because few were left in the rate-limit window.");

    // Weak, so that a rate-limit state is observed only as long as its service provider keeps it.
    private static readonly ConditionalWeakTable<RateLimitState, object?> RateLimitStates = new();

    static DigitalOceanTelemetry()
        => Meter.CreateObservableGauge(
            "digitalocean.client.rate_limit.remaining",
            ObserveRateLimits,
            "{request}",
            "The last ratelimit-remaining the API sent, per token; tokens are told apart by an opaque number, never by the token.");

    /// <summary>Makes a token's rate-limit state visible to the gauge.</summary>
    public static void Observe(RateLimitState state) => RateLimitStates.TryAdd(state, null);

    /// <summary>Records one HTTP attempt: its status, or the kind of failure when no response came.</summary>
    public static void RecordAttempt(HttpRequestMessage request, HttpStatusCode? status, Exception? failure, TimeSpan duration)
    {
        Operation(request)?.CountRequest();
        if (!Requests.Enabled && !RequestDuration.Enabled)
        {
            return;
        }

        var tags = RequestTags(request);
        if (status is { } code)
        {
            tags.Add(StatusCodeTag, (int)code);
        }
        else
        {
            tags.Add(ErrorTypeTag, failure?.GetType().FullName ?? "_OTHER");
        }

        Requests.Add(1, tags);
        RequestDuration.Record(duration.TotalSeconds, tags);
    }

    public static void RecordRetry(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return;
        }

        Operation(request)?.CountRetry();
        if (Retries.Enabled)
        {
            Retries.Add(1, RequestTags(request));
        }
    }

    public static void RecordThrottleWait(HttpRequestMessage request)
    {
        Operation(request)?.CountThrottleWait();
        if (ThrottleWaits.Enabled)
        {
            ThrottleWaits.Add(1, RequestTags(request));
        }
    }

    private static DigitalOceanOperation? Operation(HttpRequestMessage request)
        => request.Options.TryGetValue(OperationKey, out var operation) ? operation : null;

    private static TagList RequestTags(HttpRequestMessage request)
        => new()
        {
            { SystemNameTag, SystemName },
            { MethodTag, request.Method.Method },
            { CollectionNameTag, request.Options.TryGetValue(CollectionKey, out var collection) ? collection : null },
            { ServerAddressTag, request.RequestUri?.Host },
            { ServerPortTag, request.RequestUri?.Port }
        };

    private static IEnumerable<Measurement<int>> ObserveRateLimits()
    {
        foreach (var (state, _) in RateLimitStates)
        {
            if (state.Remaining is { } remaining)
            {
                yield return new Measurement<int>(remaining, new KeyValuePair<string, object?>(RateLimitIdTag, state.Id));
            }
        }
    }

    private static string ReadVersion()
    {
        var assembly = typeof(DigitalOceanTelemetry).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        var metadata = version.IndexOf('+');
        return metadata < 0 ? version : version[..metadata];
    }
}
