namespace EFCore.DigitalOcean.Benchmarks.Infrastructure;

/// <summary>
///     Marks the benchmark that only moves the bytes (same requests, bodies read and discarded). The fake runs in this process,
///     so every case's time and allocations include the server's work; <c>ClientAllocRatio</c> subtracts this case's allocations
///     to leave the client's own.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TransportFloorAttribute : Attribute;
