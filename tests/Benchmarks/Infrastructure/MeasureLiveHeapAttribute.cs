namespace EFCore.DigitalOcean.Benchmarks.Infrastructure;

/// <summary>Asks the probe to watch the live managed heap while one operation of each benchmark of the class runs.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MeasureLiveHeapAttribute : Attribute;
