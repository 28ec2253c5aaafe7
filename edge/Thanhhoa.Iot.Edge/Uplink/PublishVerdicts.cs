using MQTTnet;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>Maps PUBACK reason codes to <see cref="PublishVerdict"/>.</summary>
internal static class PublishVerdicts
{
    public static PublishVerdict Of(MqttClientPublishReasonCode code) => code switch
    {
        MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers => PublishVerdict.Delivered,
        MqttClientPublishReasonCode.PayloadFormatInvalid => PublishVerdict.Rejected,
        _ => PublishVerdict.Retry,
    };
}
