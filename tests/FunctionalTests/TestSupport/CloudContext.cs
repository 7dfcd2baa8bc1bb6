using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>The context an application writes against the provider: images, snapshots and regions.</summary>
public class CloudContext(DbContextOptions<CloudContext> options) : DbContext(options)
{
    public DbSet<Image> Images => Set<Image>();

    public DbSet<Snapshot> Snapshots => Set<Snapshot>();

    public DbSet<Region> Regions => Set<Region>();
}
