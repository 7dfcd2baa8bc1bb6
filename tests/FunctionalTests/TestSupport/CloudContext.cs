using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>The context an application writes against the provider: one set of images.</summary>
public class CloudContext(DbContextOptions<CloudContext> options) : DbContext(options)
{
    public DbSet<Image> Images => Set<Image>();
}
