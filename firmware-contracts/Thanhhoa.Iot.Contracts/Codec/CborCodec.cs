using Thanhhoa.Iot.Contracts.Codec.Cbor;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>
/// The compact binary encoding for weak links (content type <c>application/cbor</c>, optionally
/// raw-deflated as <c>application/cbor+deflate</c>); layout in <c>schemas/*.cddl</c>. Lossless for
/// what the JSON encoding carries: values are exact, timestamps keep their milliseconds. Both
/// directions validate like <see cref="JsonCodec"/>; every refusal is a <see cref="ContractViolationException"/>.
/// </summary>
public static class CborCodec
{
    /// <summary>Encodes a telemetry batch after validating it.</summary>
    public static byte[] Encode(TelemetryBatch batch)
    {
        MessageValidator.Validate(batch);
        return CborTelemetryFormat.Write(batch);
    }

    /// <summary>Encodes an event batch after validating it.</summary>
    public static byte[] Encode(EventBatch batch)
    {
        MessageValidator.Validate(batch);
        return CborEventFormat.Write(batch);
    }

    /// <summary>Encodes and raw-deflates a telemetry batch (<c>application/cbor+deflate</c>).</summary>
    public static byte[] EncodeDeflated(TelemetryBatch batch) => RawDeflate.Compress(Encode(batch));

    /// <summary>Encodes and raw-deflates an event batch (<c>application/cbor+deflate</c>).</summary>
    public static byte[] EncodeDeflated(EventBatch batch) => RawDeflate.Compress(Encode(batch));

    /// <summary>Decodes and validates an <c>application/cbor</c> telemetry payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static TelemetryBatch DecodeTelemetry(ReadOnlySpan<byte> payload)
    {
        var batch = CborEnvelope.Decode(payload, CborTelemetryFormat.Members, CborTelemetryFormat.Read, CborTelemetryFormat.RequiredMembers);
        MessageValidator.Validate(batch);
        return batch;
    }

    /// <summary>Decodes and validates an <c>application/cbor</c> event payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract.</exception>
    public static EventBatch DecodeEvents(ReadOnlySpan<byte> payload)
    {
        var batch = CborEnvelope.Decode(payload, CborEventFormat.Members, CborEventFormat.Read);
        MessageValidator.Validate(batch);
        return batch;
    }

    /// <summary>Inflates and decodes an <c>application/cbor+deflate</c> telemetry payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract or inflates past the limit.</exception>
    public static TelemetryBatch DecodeDeflatedTelemetry(ReadOnlySpan<byte> payload) => DecodeTelemetry(Inflate(payload));

    /// <summary>Inflates and decodes an <c>application/cbor+deflate</c> event payload.</summary>
    /// <exception cref="ContractViolationException">The payload breaks the contract or inflates past the limit.</exception>
    public static EventBatch DecodeDeflatedEvents(ReadOnlySpan<byte> payload) => DecodeEvents(Inflate(payload));

    /// <summary>The CBOR body of an <c>application/cbor+deflate</c> payload.</summary>
    /// <exception cref="ContractViolationException">Not raw deflate, or it inflates past <see cref="ContractInfo.MaxPayloadBytes"/>.</exception>
    public static byte[] Inflate(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > ContractInfo.MaxPayloadBytes)
        {
            throw new ContractViolationException(RejectReason.TooLarge, "$",
                $"payload is {payload.Length} bytes; the limit is {ContractInfo.MaxPayloadBytes}");
        }

        return RawDeflate.Decompress(payload);
    }
}
