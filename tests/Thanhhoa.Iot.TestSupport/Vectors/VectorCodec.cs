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

    /// <summary>Decodes <paramref name="payload"/> as <paramref name="message"/> in <paramref name="contentType"/>.</summary>
    public static object Decode(TopicKind message, string contentType, byte[] payload) => (message, contentType) switch
    {
        (TopicKind.Telemetry, ContractInfo.JsonContentType) => JsonCodec.DecodeTelemetry(payload),
        (TopicKind.Events, ContractInfo.JsonContentType) => JsonCodec.DecodeEvents(payload),
        (TopicKind.State, ContractInfo.JsonContentType) => JsonCodec.DecodeState(payload),
        _ => throw new NotSupportedException($"No codec for {message} in '{contentType}'."),
    };

    /// <summary>Encodes a decoded message back in <paramref name="contentType"/>.</summary>
    public static byte[] Encode(object message, string contentType) => (message, contentType) switch
    {
        (TelemetryBatch t, ContractInfo.JsonContentType) => JsonCodec.Encode(t),
        (EventBatch e, ContractInfo.JsonContentType) => JsonCodec.Encode(e),
        (StateMessage s, ContractInfo.JsonContentType) => JsonCodec.Encode(s),
        _ => throw new NotSupportedException($"No codec for {message.GetType().Name} in '{contentType}'."),
    };
}
