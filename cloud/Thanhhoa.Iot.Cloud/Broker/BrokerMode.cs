namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>Where gateways connect.</summary>
public enum BrokerMode
{
    /// <summary>The cloud runs the MQTT broker in-process and stores before it acknowledges a gateway.</summary>
    Embedded,

    /// <summary>Gateways connect to an external MQTT 5 broker; the cloud subscribes to every up/ topic.</summary>
    External,
}
