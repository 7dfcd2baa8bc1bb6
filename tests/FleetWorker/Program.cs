using EFCore.DigitalOcean.FleetWorker;
using Microsoft.EntityFrameworkCore;
using RedisRateLimiting;
using StackExchange.Redis;

// Deletes the images tagged --tag through the provider (ExecuteDelete: the listing, then one DELETE each), every attempt of
// every request taking a permit from a sliding-window limiter kept in Redis, shared by every worker of the same partition.
// Prints the number deleted; exits 2 on bad arguments, 1 on any other failure.
WorkerArguments arguments;
try
{
    arguments = WorkerArguments.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

try
{
    await using var redis = await ConnectionMultiplexer.ConnectAsync(arguments.Redis);
    using var limiter = new RedisSlidingWindowRateLimiter<string>(
        arguments.Partition,
        new RedisSlidingWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = arguments.Permits,
            Window = arguments.Window
        });

    var options = new DbContextOptionsBuilder<FleetContext>()
        .UseDigitalOcean(o => o.BaseAddress(arguments.BaseUrl).RateLimiter(limiter))
        .Options;
    await using var db = new FleetContext(options);

    // Its own tag, so that its listing is not changed under it by the other workers' deletes.
    var deleted = await db.Images.Where(i => i.Tags.Contains(arguments.Tag)).ExecuteDeleteAsync();
    Console.WriteLine(deleted);
    return 0;
}
catch (Exception exception)
{
    // The provider's messages never hold the token.
    Console.Error.WriteLine(exception.Message);
    return 1;
}
