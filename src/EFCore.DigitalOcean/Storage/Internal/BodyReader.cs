namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>Reads a whole response body (as UTF-8 JSON) into a value.</summary>
internal delegate T BodyReader<out T>(ReadOnlySpan<byte> body);
