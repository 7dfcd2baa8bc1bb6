using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DigitalOcean.FunctionalTests.Metadata;

/// <summary>A model per context instance, for tests whose contexts configure the model differently.</summary>
internal sealed class PerInstanceModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context, designTime);
}
