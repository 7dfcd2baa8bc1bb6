namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>Sets environment variables (null removes one) and puts the previous values back when disposed.</summary>
public sealed class EnvironmentVariables : IDisposable
{
    private readonly Dictionary<string, string?> _previous = [];

    public EnvironmentVariables Set(string name, string? value)
    {
        _previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
