using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FleetWorker;

/// <summary>The worker's context: the images it deletes.</summary>
public class FleetContext(DbContextOptions<FleetContext> options) : DbContext(options)
{
    public DbSet<Image> Images => Set<Image>();
}
