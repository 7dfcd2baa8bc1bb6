using System.Text.Json.Serialization;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>Source-generated metadata, so nothing is serialized through reflection.</summary>
[JsonSerializable(typeof(ApiErrorBody))]
[JsonSerializable(typeof(AccountTransferBody))]
[JsonSerializable(typeof(AccountTransferRequest))]
[JsonSerializable(typeof(ActionBody))]
[JsonSerializable(typeof(ActionsPage))]
[JsonSerializable(typeof(TagBody))]
[JsonSerializable(typeof(TagName))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class DigitalOceanJsonContext : JsonSerializerContext;
