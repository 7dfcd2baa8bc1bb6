using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.Infrastructure;

/// <summary>The context a user of the provider writes: one set of images.</summary>
public sealed class CloudContext(DbContextOptions<CloudContext> options) : DbContext(options)
{
    public DbSet<Image> Images => Set<Image>();
}
