namespace EFCore.DigitalOcean.FunctionalTests.Diagnostics;

/// <summary>
///     Tests that read process-wide meters (EF Core's own counters are static) run alone, after the parallel tests, so that
///     what they count is what they did.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
