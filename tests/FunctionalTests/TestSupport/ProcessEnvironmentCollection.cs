namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>
///     Tests that change environment variables, which are process-wide: they run alone, never beside another test. Use
///     <see cref="EnvironmentVariables" /> in them to restore what they change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
