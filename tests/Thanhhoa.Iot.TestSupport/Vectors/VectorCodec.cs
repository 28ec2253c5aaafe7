using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.TestSupport.Vectors;

/// <summary>Decodes and re-encodes a vector's payload with the contract's codecs, by message and content type.</summary>
public static class VectorCodec
{
    /// <summary>Decodes the payload; throws <see cref="ContractViolationException"/> when it breaks the contract.</summary>
    public static object Decode(GoldenVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return Decode(vector.Message, vector.ContentType, vector.ReadPayload());
    }

    /// <summary>Decodes <paramref name="payload"/> as <paramref name="message"/> sent with <paramref name="contentType"/>.</summary>
    public static object Decode(TopicKind message, string contentType, byte[] payload) => message switch
    {
        TopicKind.Telemetry => PayloadCodec.DecodeTelemetry(contentType, payload),
        TopicKind.Events => PayloadCodec.DecodeEvents(contentType, payload),
        TopicKind.State => PayloadCodec.DecodeState(contentType, payload),
        TopicKind.Command => PayloadCodec.DecodeCommand(contentType, payload),
        TopicKind.CommandResult => PayloadCodec.DecodeCommandResult(contentType, payload),
        TopicKind.Config => PayloadCodec.DecodeConfig(contentType, payload),
        TopicKind.ConfigReported => PayloadCodec.DecodeConfigReport(contentType, payload),
        TopicKind.Firmware => PayloadCodec.DecodeFirmwareDesired(contentType, payload),
        TopicKind.FirmwareReported => PayloadCodec.DecodeFirmwareReport(contentType, payload),
        _ => throw new NotSupportedException($"No payload codec for {message}."),
    };

    /// <summary>Encodes a decoded message back in <paramref name="contentType"/>.</summary>
    public static byte[] Encode(object message, string contentType)
    {
        var encoding = PayloadCodec.EncodingOf(contentType);
        return message switch
        {
            TelemetryBatch t => PayloadCodec.Encode(t, encoding),
            EventBatch e => PayloadCodec.Encode(e, encoding),
            StateMessage s when encoding == PayloadEncoding.Json => JsonCodec.Encode(s),
            DeviceCommand c when encoding == PayloadEncoding.Json => JsonCodec.Encode(c),
            CommandResult r when encoding == PayloadEncoding.Json => JsonCodec.Encode(r),
            DesiredConfigMessage d when encoding == PayloadEncoding.Json => JsonCodec.Encode(d),
            ConfigReport p when encoding == PayloadEncoding.Json => JsonCodec.Encode(p),
            FirmwareDesired f when encoding == PayloadEncoding.Json => JsonCodec.Encode(f),
            FirmwareReport f when encoding == PayloadEncoding.Json => JsonCodec.Encode(f),
            _ => throw new NotSupportedException($"No codec for {message.GetType().Name} in '{contentType}'."),
        };
    }

    /// <summary>
    /// The bytes that must match byte for byte: the payload itself, or for <c>application/cbor+deflate</c>
    /// the inflated CBOR body (deflate output may differ between zlib builds; the body may not).
    /// </summary>
    public static byte[] Canonical(string contentType, byte[] payload) =>
        PayloadCodec.EncodingOf(contentType) == PayloadEncoding.CborDeflate ? CborCodec.Inflate(payload) : payload;

    /// <summary>Decodes the vector, encodes it again and returns both canonical forms (expected, actual).</summary>
    public static (byte[] Expected, byte[] Actual) RoundTrip(GoldenVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var payload = vector.ReadPayload();
        var again = Encode(Decode(vector.Message, vector.ContentType, payload), vector.ContentType);
        return (Canonical(vector.ContentType, payload), Canonical(vector.ContentType, again));
    }
}
