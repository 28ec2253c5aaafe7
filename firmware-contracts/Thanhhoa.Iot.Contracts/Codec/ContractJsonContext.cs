using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>Source-generated serialisation for every wire type (trimming-safe, no reflection).</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    // "NaN"/"Infinity" as strings parse, so the validator can name them as non-finite instead of a vague type error.
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TelemetryBatch))]
[JsonSerializable(typeof(EventBatch))]
[JsonSerializable(typeof(StateMessage))]
[JsonSerializable(typeof(DeviceCommand))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(DesiredConfigMessage))]
[JsonSerializable(typeof(ConfigReport))]
[JsonSerializable(typeof(FirmwareDesired))]
[JsonSerializable(typeof(FirmwareReport))]
public sealed partial class ContractJsonContext : JsonSerializerContext
{
}
