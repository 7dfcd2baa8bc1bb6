using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DigitalOcean.Benchmarks.Infrastructure;

/// <summary>
///     Counts query compilations. EF Core calls <see cref="QueryCompilationStarting" /> only when a query misses its
///     compiled-query cache, so a warm query shape that compiles again shows up here.
/// </summary>
/// <remarks>
///     One instance for the whole process: a query interceptor is part of the key of EF Core's internal service provider, so
///     an instance per benchmark would build a service provider (and compiled-query cache) per benchmark, which EF refuses
///     beyond twenty.
/// </remarks>
public sealed class QueryCompilationCounter : IQueryExpressionInterceptor
{
    private int _count;

    private QueryCompilationCounter()
    {
    }

    public static QueryCompilationCounter Instance { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        Interlocked.Increment(ref _count);
        return queryExpression;
    }
}
