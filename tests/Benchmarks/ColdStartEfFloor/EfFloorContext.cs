using EFCore.DigitalOcean.Benchmarks.Baseline;
using EFCore.DigitalOcean.Benchmarks.ColdStartEfFloor.CompiledModels;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Benchmarks.ColdStartEfFloor;

/// <summary>
///     EF Core's in-memory provider over the baseline's own DTO: the start-up every EF Core provider pays before its first query
///     (options, the internal service provider, one LINQ query compiled and run), with its compiled model (CompiledModels/, from
///     <c>dotnet ef dbcontext optimize</c>) as the sample has, and nothing of this provider in it.
/// </summary>
internal sealed class EfFloorContext : DbContext
{
    public DbSet<ImageDto> Images => Set<ImageDto>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseInMemoryDatabase("cold-start").UseModel(EfFloorContextModel.Instance);
}
