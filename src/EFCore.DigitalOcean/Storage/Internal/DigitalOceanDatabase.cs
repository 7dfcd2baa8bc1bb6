using EFCore.DigitalOcean.Update.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>EF's database facade for the provider: queries come from the base class, SaveChanges goes to the update pipeline.</summary>
internal sealed class DigitalOceanDatabase(DatabaseDependencies dependencies, DigitalOceanUpdatePipeline updatePipeline)
    : Database(dependencies)
{
    public override int SaveChanges(IList<IUpdateEntry> entries)
        => updatePipeline.SaveChangesAsync(entries, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
        => updatePipeline.SaveChangesAsync(entries, cancellationToken);
}
