using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DigitalOcean.Diagnostics.Internal;

/// <summary>The provider's event definitions, created once per service provider on first use.</summary>
internal sealed class DigitalOceanLoggingDefinitions : LoggingDefinitions
{
    public EventDefinitionBase? LogRequestExecuted;
    public EventDefinitionBase? LogRequestFailed;
    public EventDefinitionBase? LogRequestThrottled;
    public EventDefinitionBase? LogRequestRetrying;
    public EventDefinitionBase? LogResponseHeaderIgnored;
    public EventDefinitionBase? LogFullListing;
    public EventDefinitionBase? LogAmbientTransaction;
    public EventDefinitionBase? LogInDoubtCreateAdopted;
}
