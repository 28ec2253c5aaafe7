using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Writes the outbox sequence number into a control message (<c>up/cmd-result</c>, <c>up/config-reported</c>)
/// as it leaves: the message shares the sequence space with readings and events, and without its number the
/// cloud's loss ledger would count that number as missing. The number is known only once the outbox stored
/// the message, so it is stamped here rather than by whoever wrote the message.
/// </summary>
internal static class ControlSequenceStamp
{
    /// <summary>The payload with <c>seq</c> set; the payload unchanged when it is not a control message the contract reads.</summary>
    public static byte[] Apply(TopicKind kind, byte[] payload, long seq)
    {
        try
        {
            return kind switch
            {
                TopicKind.CommandResult => JsonCodec.Encode(JsonCodec.DecodeCommandResult(payload) with { Seq = seq }),
                TopicKind.ConfigReported => JsonCodec.Encode(JsonCodec.DecodeConfigReport(payload) with { Seq = seq }),
                _ => payload,
            };
        }
        catch (ContractViolationException)
        {
            // Validated when stored; should one slip through, the cloud's refusal names it better than we can here.
            return payload;
        }
    }
}
