using System.Text.Json.Serialization;

namespace EFCore.DigitalOcean.Benchmarks.Baseline;

/// <summary>Source-generated serialization metadata: the fastest System.Text.Json a hand-written client can have.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ImagePageDto))]
[JsonSerializable(typeof(ImageEnvelopeDto))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
