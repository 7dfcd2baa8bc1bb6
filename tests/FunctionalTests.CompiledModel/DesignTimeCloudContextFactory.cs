using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EFCore.DigitalOcean.FunctionalTests.CompiledModel;

/// <summary>
///     How <c>dotnet ef dbcontext optimize</c> creates the context whose model it compiles. It sends no request, so it needs
///     no token (the provider would read one from the environment only at the first request).
/// </summary>
public sealed class DesignTimeCloudContextFactory : IDesignTimeDbContextFactory<CloudContext>
{
    public CloudContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<CloudContext>().UseDigitalOcean().Options);
}
