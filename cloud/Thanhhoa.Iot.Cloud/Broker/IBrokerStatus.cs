namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>Whether gateways' messages can reach ingest right now (for /healthz).</summary>
public interface IBrokerStatus
{
    bool IsReady { get; }

    /// <summary>One line for a person: where the broker is and what state it is in.</summary>
    string Description { get; }
}
