namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>What an authenticated MQTT client may do.</summary>
public enum ClientRole
{
    /// <summary>A gateway: publishes under its own up/, subscribes to its own down/.</summary>
    Device,

    /// <summary>The cloud itself: publishes down/ messages and may subscribe to anything.</summary>
    Service,
}
