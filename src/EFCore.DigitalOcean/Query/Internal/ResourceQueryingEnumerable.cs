using System.Collections;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     The result of a compiled query. Nothing is sent until enumeration starts; rows flow from the API through the in-memory
///     operators into EF's shaper, which materializes, tracks and resolves identities. Synchronous enumeration waits on the
///     same asynchronous path.
/// </summary>
internal sealed class ResourceQueryingEnumerable<T> : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable
{
    private readonly DigitalOceanQueryContext _queryContext;
    private readonly ResourceQueryPlan _plan;
    private readonly Func<QueryContext, IAsyncEnumerable<ResourceRow>, IAsyncEnumerable<ResourceRow>>? _inMemory;
    private readonly Func<QueryContext, ResourceRow, T> _shaper;
    private readonly Type _contextType;
    private readonly bool _standAloneStateManager;
    private readonly bool _threadSafetyChecksEnabled;

    public ResourceQueryingEnumerable(
        DigitalOceanQueryContext queryContext,
        ResourceQueryPlan plan,
        Func<QueryContext, IAsyncEnumerable<ResourceRow>, IAsyncEnumerable<ResourceRow>>? inMemory,
        Func<QueryContext, ResourceRow, T> shaper,
        Type contextType,
        bool standAloneStateManager,
        bool threadSafetyChecksEnabled)
    {
        _queryContext = queryContext;
        _plan = plan;
        _inMemory = inMemory;
        _shaper = shaper;
        _contextType = contextType;
        _standAloneStateManager = standAloneStateManager;
        _threadSafetyChecksEnabled = threadSafetyChecksEnabled;
    }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new Enumerator(this, cancellationToken);

    public IEnumerator<T> GetEnumerator() => new Enumerator(this, CancellationToken.None);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToQueryString() => _plan.Describe(_queryContext, _queryContext.Client.PageSize);

    private sealed class Enumerator(ResourceQueryingEnumerable<T> query, CancellationToken cancellationToken)
        : IEnumerator<T>, IAsyncEnumerator<T>
    {
        private readonly DigitalOceanQueryContext _queryContext = query._queryContext;
        private readonly IConcurrencyDetector? _concurrencyDetector
            = query._threadSafetyChecksEnabled ? query._queryContext.ConcurrencyDetector : null;

        private IAsyncEnumerator<ResourceRow>? _rows;
        private DigitalOceanOperation? _operation;

        public T Current { get; private set; } = default!;

        object IEnumerator.Current => Current!;

        public bool MoveNext() => MoveNextAsync().AsTask().GetAwaiter().GetResult();

        /// <summary>
        ///     Most rows come from a page already read, so the next row is usually there at once: that case is handled without
        ///     an async state machine, and only a row that waits for a page goes the asynchronous way.
        /// </summary>
        public ValueTask<bool> MoveNextAsync()
        {
            try
            {
                using var _ = _concurrencyDetector?.EnterCriticalSection();
                if (_rows is null)
                {
                    EntityFrameworkMetricsData.ReportQueryExecuting();
                    _operation = _queryContext.Client.StartOperation(DigitalOceanOperationNames.Query, query._plan.Resource);

                    // Straight from the client to the shaper, each row is shaped before the next is read; an in-memory
                    // operator may hold rows (OrderBy holds them all).
                    var rows = query._plan.Fetch(_queryContext, rowsAreTransient: query._inMemory is null);
                    _rows = (query._inMemory?.Invoke(_queryContext, rows) ?? rows).GetAsyncEnumerator(cancellationToken);
                    _queryContext.InitializeStateManager(query._standAloneStateManager);
                }

                // The span is current only while the provider works, never in the application's code between two rows.
                ValueTask<bool> next;
                using (DigitalOceanOperation.Enter(_operation))
                {
                    next = _rows.MoveNextAsync();
                }

                return next.IsCompletedSuccessfully ? ValueTask.FromResult(Shape(next.Result)) : ShapeWhenReadAsync(next);
            }
            catch (Exception exception)
            {
                LogFailure(exception);
                throw;
            }
        }

        private async ValueTask<bool> ShapeWhenReadAsync(ValueTask<bool> next)
        {
            try
            {
                // Entered before the caller's section ends, and held while the page is read.
                using var _ = _concurrencyDetector?.EnterCriticalSection();
                return Shape(await next.ConfigureAwait(false));
            }
            catch (Exception exception)
            {
                LogFailure(exception);
                throw;
            }
        }

        private bool Shape(bool hasRow)
        {
            if (!hasRow)
            {
                Current = default!;
                _operation?.Dispose();
                return false;
            }

            Current = query._shaper(_queryContext, _rows!.Current);
            _operation?.CountItems(1);
            return true;
        }

        private void LogFailure(Exception exception)
        {
            _operation?.Fail(exception);
            _operation?.Dispose();
            if (_queryContext.ExceptionDetector.IsCancellation(exception, cancellationToken))
            {
                _queryContext.QueryLogger.QueryCanceled(query._contextType);
            }
            else
            {
                _queryContext.QueryLogger.QueryIterationFailed(query._contextType, exception);
            }
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        public async ValueTask DisposeAsync()
        {
            // A query stopped early ended well: the span ends with what was read.
            _operation?.Dispose();
            if (_rows is { } rows)
            {
                _rows = null;
                await rows.DisposeAsync().ConfigureAwait(false);
            }
        }

        public void Reset() => throw new NotSupportedException(CoreStrings.EnumerableResetNotSupported);
    }
}
