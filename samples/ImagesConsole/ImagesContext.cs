using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole;

/// <summary>The application's view of the DigitalOcean account: one set of images.</summary>
internal sealed class ImagesContext(DbContextOptions<ImagesContext> options) : DbContext(options)
{
    public DbSet<Image> Images => Set<Image>();
}
