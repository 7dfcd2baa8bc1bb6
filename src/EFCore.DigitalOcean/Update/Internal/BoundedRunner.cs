namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     Runs independent writes concurrently, at most <c>MaxConcurrentRequests</c> at a time, and collects the API failures
///     instead of stopping at the first: with no transactions, the caller must learn exactly which writes went through.
///     Cancellation still stops everything.
/// </summary>
internal static class BoundedRunner
{
    public static async Task<List<WriteFailure<T>>> RunAsync<T>(
        IReadOnlyList<T> operations,
        int maxConcurrency,
        Func<T, CancellationToken, Task> execute,
        CancellationToken cancellationToken)
    {
        var failures = new List<WriteFailure<T>>();
        await Parallel.ForEachAsync(
                operations,
                new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
                async (operation, token) =>
                {
                    try
                    {
                        await execute(operation, token).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is DigitalOceanApiException or HttpRequestException or TimeoutException)
                    {
                        lock (failures)
                        {
                            failures.Add(new WriteFailure<T>(operation, exception));
                        }
                    }
                })
            .ConfigureAwait(false);
        return failures;
    }
}
