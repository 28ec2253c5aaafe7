using MQTTnet.Server;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>Something that needs the embedded MQTTnet server (e.g. to inject down/ messages); attached before the server starts.</summary>
public interface IEmbeddedBrokerAttachment
{
    void Attach(MqttServer server);
}
