using System.Diagnostics;
using System.Globalization;
using EFCore.DigitalOcean.Metadata.Internal;

namespace EFCore.DigitalOcean.Diagnostics.Internal;

/// <summary>
///     The span of one provider operation (a query execution, SaveChanges, ExecuteDelete or ExecuteUpdate, a wait), parent of
///     the HTTP spans of its requests. It exists only while someone listens to <see cref="DigitalOceanTelemetry.Source" />, so an
///     untraced application pays nothing. Requests find it through <see cref="Current" /> while it is entered, and count their
///     attempts, retries and throttle waits on it; they become the span's tags when it ends.
/// </summary>
internal sealed class DigitalOceanOperation : IDisposable
{
    private static readonly AsyncLocal<DigitalOceanOperation?> Entered = new();

    private readonly Activity _activity;
    private readonly DigitalOceanOperation? _parent;
    private readonly bool _isQuery;
    private int _requests;
    private int _retries;
    private int _throttleWaits;
    private long _items;
    private bool _ended;

    private DigitalOceanOperation(Activity activity, DigitalOceanOperation? parent, bool isQuery)
    {
        _activity = activity;
        _parent = parent;
        _isQuery = isQuery;
    }

    /// <summary>The operation the requests sent from here belong to.</summary>
    public static DigitalOceanOperation? Current => Entered.Value;

    /// <summary>
    ///     Starts the span of an operation, or returns null when nobody listens. The span is not made current here: an
    ///     operation that spans several calls of the application (the enumeration of a query) must not leave it current in
    ///     the application's code between them; <see cref="Enter" /> makes it current around the provider's own work.
    /// </summary>
    public static DigitalOceanOperation? Start(string operationName, ApiResource? resource, Uri server)
    {
        if (!DigitalOceanTelemetry.Source.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        var activity = DigitalOceanTelemetry.Source.StartActivity(
            resource is null ? operationName : operationName + " " + resource.Name, ActivityKind.Client);
        Activity.Current = previous;
        if (activity is null)
        {
            return null;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(DigitalOceanTelemetry.SystemNameTag, DigitalOceanTelemetry.SystemName);
            activity.SetTag(DigitalOceanTelemetry.OperationNameTag, operationName);
            activity.SetTag(DigitalOceanTelemetry.CollectionNameTag, resource?.Name);
            activity.SetTag(DigitalOceanTelemetry.ServerAddressTag, server.Host);
            activity.SetTag(DigitalOceanTelemetry.ServerPortTag, server.Port);
        }

        return new DigitalOceanOperation(activity, Current, operationName == DigitalOceanOperationNames.Query);
    }

    /// <summary>
    ///     Makes <paramref name="operation" /> current (and its span <see cref="Activity.Current" />) until the scope is
    ///     disposed; nothing at all when it is null.
    /// </summary>
    public static Scope Enter(DigitalOceanOperation? operation)
    {
        if (operation is null)
        {
            return default;
        }

        var scope = new Scope(Entered.Value, Activity.Current, restore: true);
        Entered.Value = operation;
        Activity.Current = operation._activity;
        return scope;
    }

    // An operation made of others (a wait made of reloads) counts their requests, retries and throttle waits too.
    public void CountRequest()
    {
        Interlocked.Increment(ref _requests);
        _parent?.CountRequest();
    }

    public void CountRetry()
    {
        Interlocked.Increment(ref _retries);
        _parent?.CountRetry();
    }

    public void CountThrottleWait()
    {
        Interlocked.Increment(ref _throttleWaits);
        _parent?.CountThrottleWait();
    }

    /// <summary>Adds to the number of items the operation read or wrote.</summary>
    public void CountItems(long items) => Interlocked.Add(ref _items, items);

    /// <summary>Marks the span as failed; it still ends at <see cref="Dispose" />.</summary>
    public void Fail(Exception exception)
    {
        if (_ended)
        {
            return;
        }

        _activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        if (!_activity.IsAllDataRequested)
        {
            return;
        }

        // An API error is named by its status, as OpenTelemetry's HTTP conventions do; anything else by its type.
        var status = (exception as DigitalOceanApiException)?.StatusCode;
        _activity.SetTag(
            DigitalOceanTelemetry.ErrorTypeTag,
            status is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : exception.GetType().FullName);
        if (status is not null)
        {
            _activity.SetTag(DigitalOceanTelemetry.ResponseStatusCodeTag, ((int)status).ToString(CultureInfo.InvariantCulture));
        }

        _activity.AddException(exception);
    }

    /// <summary>Ends the span with its counts. Later calls do nothing.</summary>
    public void Dispose()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_activity.IsAllDataRequested)
        {
            _activity.SetTag(DigitalOceanTelemetry.RequestsTag, Volatile.Read(ref _requests));
            _activity.SetTag(DigitalOceanTelemetry.RetriesTag, Volatile.Read(ref _retries));
            _activity.SetTag(DigitalOceanTelemetry.ThrottleWaitsTag, Volatile.Read(ref _throttleWaits));
            _activity.SetTag(DigitalOceanTelemetry.ItemsTag, Interlocked.Read(ref _items));
            if (_isQuery)
            {
                _activity.SetTag(DigitalOceanTelemetry.ReturnedRowsTag, Interlocked.Read(ref _items));
            }
        }

        // Stopping makes the span's parent current; the caller's current span is kept instead.
        var current = Activity.Current;
        _activity.Stop();
        Activity.Current = current == _activity ? _activity.Parent : current;
    }

    /// <summary>Restores what was current before <see cref="Enter" />.</summary>
    public readonly struct Scope(DigitalOceanOperation? previousOperation, Activity? previousActivity, bool restore) : IDisposable
    {
        public void Dispose()
        {
            if (restore)
            {
                Entered.Value = previousOperation;
                Activity.Current = previousActivity;
            }
        }
    }
}
