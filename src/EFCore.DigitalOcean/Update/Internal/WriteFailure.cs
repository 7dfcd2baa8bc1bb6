namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>An operation that failed, with why.</summary>
internal sealed record WriteFailure<T>(T Operation, Exception Exception);
