using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ImagesConsole.Output;

/// <summary>Serializes the <c>--json</c> output with source-generated metadata, in the API's snake_case.</summary>
internal static class OutputJson
{
    /// <summary>
    ///     The generated context, with the relaxed encoder: the output is read by people and JSON tools, not embedded in HTML,
    ///     so "+" and non-ASCII names stay as they are instead of becoming \u escapes.
    /// </summary>
    public static OutputJsonContext Context { get; } = new(new JsonSerializerOptions(OutputJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ImageOutput))]
[JsonSerializable(typeof(IReadOnlyList<ImageOutput>))]
[JsonSerializable(typeof(DeletionOutput))]
[JsonSerializable(typeof(CleanupOutput))]
[JsonSerializable(typeof(IReadOnlyList<SnapshotOutput>))]
[JsonSerializable(typeof(IReadOnlyList<RegionOutput>))]
[JsonSerializable(typeof(IReadOnlyList<ActionOutput>))]
[JsonSerializable(typeof(SnapshotCleanupOutput))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
