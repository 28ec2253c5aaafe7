using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>
/// The readable JSON encoding. Encoding and decoding both validate, so neither side ever emits or
/// accepts a message that breaks the contract; every refusal is a <see cref="ContractViolationException"/>.
/// </summary>
public static class JsonCodec
{
    // The default encoder escapes every non-ASCII character, so a Vietnamese alarm text would travel
    // as \uXXXX runs (6 bytes a letter, unreadable in mosquitto_sub). MQTT payloads are never embedded
    // in HTML, which is the only thing the relaxed encoder gives up.
    private static readonly ContractJsonContext Wire = new(
        new JsonSerializerOptions(ContractJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Encodes a telemetry batch after validating it.</summary>
    public static byte[] Encode(TelemetryBatch batch) => Encode(batch, Wire.TelemetryBatch, MessageValidator.Validate);

    /// <summary>Encodes an event batch after validating it.</summary>
    public static byte[] Encode(EventBatch batch) => Encode(batch, Wire.EventBatch, MessageValidator.Validate);

    /// <summary>Encodes a state message after validating it.</summary>
    public static byte[] Encode(StateMessage state) => Encode(state, Wire.StateMessage, MessageValidator.Validate);

    /// <summary>Encodes a <c>down/cmd</c> command after validating it.</summary>
    public static byte[] Encode(DeviceCommand command) => Encode(command, Wire.DeviceCommand, MessageValidator.Validate);

    /// <summary>Encodes an <c>up/cmd-result</c> after validating it.</summary>
    public static byte[] Encode(CommandResult result) => Encode(result, Wire.CommandResult, MessageValidator.Validate);

    /// <summary>Encodes a <c>down/config</c> document after validating it.</summary>
    public static byte[] Encode(DesiredConfigMessage config) => Encode(config, Wire.DesiredConfigMessage, MessageValidator.Validate);

    /// <summary>Encodes an <c>up/config-reported</c> after validating it.</summary>
    public static byte[] Encode(ConfigReport report) => Encode(report, Wire.ConfigReport, MessageValidator.Validate);

    /// <summary>Encodes a <c>down/firmware</c> desire after validating it.</summary>
    public static byte[] Encode(FirmwareDesired desired) => Encode(desired, Wire.FirmwareDesired, MessageValidator.Validate);

    /// <summary>Encodes an <c>up/firmware-reported</c> after validating it.</summary>
    public static byte[] Encode(FirmwareReport report) => Encode(report, Wire.FirmwareReport, MessageValidator.Validate);

    /// <summary>Decodes and validates an <c>up/telemetry</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static TelemetryBatch DecodeTelemetry(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.TelemetryBatch, MessageValidator.Validate);

    /// <summary>Decodes and validates an <c>up/events</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static EventBatch DecodeEvents(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.EventBatch, MessageValidator.Validate);

    /// <summary>Decodes and validates an <c>up/state</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static StateMessage DecodeState(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.StateMessage, MessageValidator.Validate);

    /// <summary>Decodes and validates a <c>down/cmd</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static DeviceCommand DecodeCommand(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.DeviceCommand, MessageValidator.Validate);

    /// <summary>Decodes and validates an <c>up/cmd-result</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static CommandResult DecodeCommandResult(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.CommandResult, MessageValidator.Validate);

    /// <summary>Decodes and validates a <c>down/config</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static DesiredConfigMessage DecodeConfig(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.DesiredConfigMessage, MessageValidator.Validate);

    /// <summary>Decodes and validates an <c>up/config-reported</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static ConfigReport DecodeConfigReport(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.ConfigReport, MessageValidator.Validate);

    /// <summary>
    /// Decodes and validates a non-empty <c>down/firmware</c> payload. An empty retained payload means
    /// "no desired firmware": check <c>payload.IsEmpty</c> first (it is refused here as malformed).
    /// </summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static FirmwareDesired DecodeFirmwareDesired(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.FirmwareDesired, MessageValidator.Validate);

    /// <summary>Decodes and validates an <c>up/firmware-reported</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static FirmwareReport DecodeFirmwareReport(ReadOnlySpan<byte> payload) =>
        Decode(payload, Wire.FirmwareReport, MessageValidator.Validate);

    private static byte[] Encode<T>(T value, JsonTypeInfo<T> typeInfo, Action<T> validate)
    {
        validate(value);
        return JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
    }

    private static T Decode<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, Action<T> validate)
        where T : class
    {
        var value = Decode(payload, typeInfo);
        validate(value);
        return value;
    }

    private static T Decode<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (payload.Length > ContractInfo.MaxPayloadBytes)
        {
            throw new ContractViolationException(RejectReason.TooLarge, "$",
                $"payload is {payload.Length} bytes; the limit is {ContractInfo.MaxPayloadBytes}");
        }

        // The version decides the shape, so check it before the shape can produce a misleading error.
        VersionProbe.Check(payload);
        try
        {
            return JsonSerializer.Deserialize(payload, typeInfo)
                ?? throw new ContractViolationException(RejectReason.InvalidValue, "$", "payload is JSON null; expected an object");
        }
        catch (JsonException ex)
        {
            throw JsonErrorMapper.Map(ex, payload);
        }
    }
}
