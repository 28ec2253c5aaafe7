using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>
/// Picks the codec by MQTT 5 content type, so uplink and ingest never branch on encodings themselves.
/// State messages are JSON only (they are tiny and go out as retained birth and will).
/// </summary>
public static class PayloadCodec
{
    /// <summary>The encoding named by <paramref name="contentType"/>; JSON when it is null or empty.</summary>
    /// <exception cref="ContractViolationException">With <see cref="RejectReason.UnsupportedContentType"/>.</exception>
    public static PayloadEncoding EncodingOf(string? contentType)
    {
        var media = (contentType ?? string.Empty).Split(';', 2)[0].Trim();
        if (media.Length == 0 || media.Equals(ContractInfo.JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            return PayloadEncoding.Json;
        }

        if (media.Equals(ContractInfo.CborContentType, StringComparison.OrdinalIgnoreCase))
        {
            return PayloadEncoding.Cbor;
        }

        if (media.Equals(ContractInfo.CborDeflateContentType, StringComparison.OrdinalIgnoreCase))
        {
            return PayloadEncoding.CborDeflate;
        }

        throw new ContractViolationException(RejectReason.UnsupportedContentType, "$",
            $"content type '{contentType}' is not spoken; use {ContractInfo.JsonContentType}, {ContractInfo.CborContentType} or {ContractInfo.CborDeflateContentType}");
    }

    /// <summary>The MQTT 5 content type to publish <paramref name="encoding"/> with.</summary>
    public static string ContentTypeOf(PayloadEncoding encoding) => encoding switch
    {
        PayloadEncoding.Json => ContractInfo.JsonContentType,
        PayloadEncoding.Cbor => ContractInfo.CborContentType,
        PayloadEncoding.CborDeflate => ContractInfo.CborDeflateContentType,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown payload encoding."),
    };

    /// <summary>Encodes a telemetry batch in <paramref name="encoding"/>.</summary>
    public static byte[] Encode(TelemetryBatch batch, PayloadEncoding encoding) => encoding switch
    {
        PayloadEncoding.Json => JsonCodec.Encode(batch),
        PayloadEncoding.Cbor => CborCodec.Encode(batch),
        PayloadEncoding.CborDeflate => CborCodec.EncodeDeflated(batch),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown payload encoding."),
    };

    /// <summary>Encodes an event batch in <paramref name="encoding"/>.</summary>
    public static byte[] Encode(EventBatch batch, PayloadEncoding encoding) => encoding switch
    {
        PayloadEncoding.Json => JsonCodec.Encode(batch),
        PayloadEncoding.Cbor => CborCodec.Encode(batch),
        PayloadEncoding.CborDeflate => CborCodec.EncodeDeflated(batch),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown payload encoding."),
    };

    /// <summary>Decodes an <c>up/telemetry</c> payload sent with <paramref name="contentType"/>.</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static TelemetryBatch DecodeTelemetry(string? contentType, ReadOnlySpan<byte> payload) => EncodingOf(contentType) switch
    {
        PayloadEncoding.Cbor => CborCodec.DecodeTelemetry(payload),
        PayloadEncoding.CborDeflate => CborCodec.DecodeDeflatedTelemetry(payload),
        _ => JsonCodec.DecodeTelemetry(payload),
    };

    /// <summary>Decodes an <c>up/events</c> payload sent with <paramref name="contentType"/>.</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static EventBatch DecodeEvents(string? contentType, ReadOnlySpan<byte> payload) => EncodingOf(contentType) switch
    {
        PayloadEncoding.Cbor => CborCodec.DecodeEvents(payload),
        PayloadEncoding.CborDeflate => CborCodec.DecodeDeflatedEvents(payload),
        _ => JsonCodec.DecodeEvents(payload),
    };

    /// <summary>Decodes an <c>up/state</c> payload; only JSON is defined for state.</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static StateMessage DecodeState(string? contentType, ReadOnlySpan<byte> payload)
    {
        if (EncodingOf(contentType) != PayloadEncoding.Json)
        {
            throw new ContractViolationException(RejectReason.UnsupportedContentType, "$",
                $"state messages are {ContractInfo.JsonContentType} only, not '{contentType}'");
        }

        return JsonCodec.DecodeState(payload);
    }
}
