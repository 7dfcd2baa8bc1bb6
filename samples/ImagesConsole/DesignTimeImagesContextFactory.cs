using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ImagesConsole;

/// <summary>
///     How <c>dotnet ef dbcontext optimize</c> creates the context whose model it compiles into CompiledModels/
///     (build/compiled-models.sh). It sends no request, so it needs no token.
/// </summary>
internal sealed class DesignTimeImagesContextFactory : IDesignTimeDbContextFactory<ImagesContext>
{
    public ImagesContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<ImagesContext>().UseDigitalOcean().Options);
}
