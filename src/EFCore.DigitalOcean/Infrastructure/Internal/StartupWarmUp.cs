using System.Linq.Expressions;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Infrastructure.Internal;

/// <summary>
///     Work every process's first query needs whatever its options are, started on the thread pool when the provider is first
///     configured, so that it runs on another core while EF builds its services and compiles the query.
/// </summary>
internal static class StartupWarmUp
{
    private static int _started;

    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => Run(), null);
        }
    }

    private static void Run()
    {
        try
        {
            // Polly validates each strategy's options through DataAnnotations reflection; its caches are per type.
            var defaults = new DigitalOceanOptionsExtension();
            RetryPolicy.CreateRetry(defaults);
            RetryPolicy.CreateAttemptTimeout(defaults);

            // EF's table of the Queryable methods, which query translation starts with.
            _ = QueryableMethods.Where;

            // The expression compiler, which compiles the shaper.
            var parameter = Expression.Parameter(typeof(object));
            Expression.Lambda<Func<object, object>>(parameter, parameter).Compile();
        }
        catch
        {
            // Only a head start: the first query does the same work and reports its failures.
        }
    }
}
