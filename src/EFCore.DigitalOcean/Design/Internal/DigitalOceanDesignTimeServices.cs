using EFCore.DigitalOcean.Design.Internal;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

[assembly: DesignTimeProviderServices("EFCore.DigitalOcean.Design.Internal.DigitalOceanDesignTimeServices")]

namespace EFCore.DigitalOcean.Design.Internal;

/// <summary>
///     What EF Core's tools (<c>dotnet ef dbcontext optimize</c>) need from the provider: its runtime services, and the code
///     generator for compiled models. The provider's model carries no annotations of its own, and its type mappings and
///     comparers are public types with a <c>Default</c>, so EF's own generator writes them; nothing needs a generator here.
///     The tools find this class by the assembly attribute above and create it by reflection.
/// </summary>
internal sealed class DigitalOceanDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        serviceCollection.AddEntityFrameworkDigitalOcean();
        new EntityFrameworkDesignServicesBuilder(serviceCollection)
            .TryAdd<ICSharpRuntimeAnnotationCodeGenerator, CSharpRuntimeAnnotationCodeGenerator>()
            .TryAddCoreServices();
    }
}
