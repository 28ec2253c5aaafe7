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
    /// <summary>Encodes a telemetry batch after validating it.</summary>
    public static byte[] Encode(TelemetryBatch batch)
    {
        MessageValidator.Validate(batch);
        return JsonSerializer.SerializeToUtf8Bytes(batch, ContractJsonContext.Default.TelemetryBatch);
    }

    /// <summary>Encodes an event batch after validating it.</summary>
    public static byte[] Encode(EventBatch batch)
    {
        MessageValidator.Validate(batch);
        return JsonSerializer.SerializeToUtf8Bytes(batch, ContractJsonContext.Default.EventBatch);
    }

    /// <summary>Encodes a state message after validating it.</summary>
    public static byte[] Encode(StateMessage state)
    {
        MessageValidator.Validate(state);
        return JsonSerializer.SerializeToUtf8Bytes(state, ContractJsonContext.Default.StateMessage);
    }

    /// <summary>Decodes and validates an <c>up/telemetry</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static TelemetryBatch DecodeTelemetry(ReadOnlySpan<byte> payload)
    {
        var batch = Decode(payload, ContractJsonContext.Default.TelemetryBatch);
        MessageValidator.Validate(batch);
        return batch;
    }

    /// <summary>Decodes and validates an <c>up/events</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static EventBatch DecodeEvents(ReadOnlySpan<byte> payload)
    {
        var batch = Decode(payload, ContractJsonContext.Default.EventBatch);
        MessageValidator.Validate(batch);
        return batch;
    }

    /// <summary>Decodes and validates an <c>up/state</c> payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static StateMessage DecodeState(ReadOnlySpan<byte> payload)
    {
        var state = Decode(payload, ContractJsonContext.Default.StateMessage);
        MessageValidator.Validate(state);
        return state;
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
            throw JsonErrorMapper.Map(ex);
        }
    }
}
