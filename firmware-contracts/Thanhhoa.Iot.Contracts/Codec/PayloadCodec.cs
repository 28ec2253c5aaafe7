using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec;

/// <summary>
/// Picks the codec by MQTT 5 content type, so uplink and ingest never branch on encodings themselves.
/// State, command, configuration and firmware messages are JSON only (they are small and rare).
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
        RequireJson(contentType, "state messages");
        return JsonCodec.DecodeState(payload);
    }

    /// <summary>Decodes a <c>down/cmd</c> payload; only JSON is defined for commands.</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static DeviceCommand DecodeCommand(string? contentType, ReadOnlySpan<byte> payload)
    {
        RequireJson(contentType, "commands");
        return JsonCodec.DecodeCommand(payload);
    }

    /// <summary>Decodes an <c>up/cmd-result</c> payload; only JSON is defined for command results.</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static CommandResult DecodeCommandResult(string? contentType, ReadOnlySpan<byte> payload)
    {
        RequireJson(contentType, "command results");
        return JsonCodec.DecodeCommandResult(payload);
    }

    /// <summary>Decodes a <c>down/config</c> payload; only JSON is defined for configuration.</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static DesiredConfigMessage DecodeConfig(string? contentType, ReadOnlySpan<byte> payload)
    {
        RequireJson(contentType, "configuration documents");
        return JsonCodec.DecodeConfig(payload);
    }

    /// <summary>Decodes an <c>up/config-reported</c> payload; only JSON is defined for configuration reports.</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static ConfigReport DecodeConfigReport(string? contentType, ReadOnlySpan<byte> payload)
    {
        RequireJson(contentType, "configuration reports");
        return JsonCodec.DecodeConfigReport(payload);
    }

    /// <summary>Decodes a non-empty <c>down/firmware</c> payload; only JSON is defined for firmware (an empty payload means none desired).</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static FirmwareDesired DecodeFirmwareDesired(string? contentType, ReadOnlySpan<byte> payload)
    {
        RequireJson(contentType, "firmware desires");
        return JsonCodec.DecodeFirmwareDesired(payload);
    }

    /// <summary>Decodes an <c>up/firmware-reported</c> payload; only JSON is defined for firmware reports.</summary>
    /// <exception cref="ContractViolationException">Unsupported content type, or the payload breaks the contract.</exception>
    public static FirmwareReport DecodeFirmwareReport(string? contentType, ReadOnlySpan<byte> payload)
    {
        RequireJson(contentType, "firmware reports");
        return JsonCodec.DecodeFirmwareReport(payload);
    }

    private static void RequireJson(string? contentType, string what)
    {
        if (EncodingOf(contentType) != PayloadEncoding.Json)
        {
            throw new ContractViolationException(RejectReason.UnsupportedContentType, "$",
                $"{what} are {ContractInfo.JsonContentType} only, not '{contentType}'");
        }
    }
}
