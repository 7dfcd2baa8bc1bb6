namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The API's timestamps have whole seconds; the fake stores them that way so that copies match the JSON.</summary>
internal static class Timestamps
{
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
