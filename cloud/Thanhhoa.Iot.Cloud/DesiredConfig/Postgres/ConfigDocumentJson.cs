using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.DesiredConfig.Postgres;

/// <summary>Source-generated JSON for the <c>config_groups.doc</c> and <c>device_configs.doc</c> jsonb columns.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(ConfigGroup))]
[JsonSerializable(typeof(DeviceConfig))]
internal sealed partial class ConfigDocumentJson : JsonSerializerContext;
