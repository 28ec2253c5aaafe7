using MQTTnet.Protocol;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// The PUBACK reason code a gateway gets for each ingest outcome. Codes below 0x80 tell the gateway to
/// drop the rows from its outbox; 0x99 says resending the same payload cannot help; 0x83 says
/// "not stored, keep it and retry".
/// </summary>
internal static class PubAckReasons
{
    public static MqttPubAckReasonCode For(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Stored or IngestOutcome.Duplicate or IngestOutcome.Ignored => MqttPubAckReasonCode.Success,
        IngestOutcome.Rejected => MqttPubAckReasonCode.PayloadFormatInvalid,
        IngestOutcome.WrongTopic => MqttPubAckReasonCode.NotAuthorized,
        _ => MqttPubAckReasonCode.ImplementationSpecificError,
    };
}
