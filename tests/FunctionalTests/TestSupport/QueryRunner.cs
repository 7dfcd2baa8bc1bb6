using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>Runs a query through the synchronous or the asynchronous path, so that one theory covers both.</summary>
public static class QueryRunner
{
    public static async Task<List<T>> ToListAsync<T>(IQueryable<T> query, bool async)
        => async ? await query.ToListAsync() : query.ToList();
}
