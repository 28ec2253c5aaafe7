using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Edge.Firmware;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SlotState))]
internal sealed partial class FirmwareJsonContext : JsonSerializerContext;
