using EFCore.DigitalOcean;
using Microsoft.EntityFrameworkCore;

namespace ImagesConsole;

/// <summary>The application's view of the DigitalOcean account: images, snapshots, regions and image actions.</summary>
internal sealed class ImagesContext(DbContextOptions<ImagesContext> options) : DbContext(options)
{
    public DbSet<Image> Images => Set<Image>();

    public DbSet<Snapshot> Snapshots => Set<Snapshot>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<ImageAction> ImageActions => Set<ImageAction>();
}
