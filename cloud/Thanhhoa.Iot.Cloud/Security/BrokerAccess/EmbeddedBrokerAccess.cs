using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>The embedded broker reads credentials from the store at every connect; a revoked device is disconnected at once.</summary>
public sealed class EmbeddedBrokerAccess(EmbeddedBroker broker) : IBrokerAccessSync
{
    public Task DeviceEnrolledAsync(string deviceId, string secret, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeviceEnrollmentAbandonedAsync(string deviceId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeviceRevokedAsync(string deviceId, string reason, CancellationToken cancellationToken) =>
        broker.DisconnectClientAsync(deviceId, $"credentials revoked: {reason}");
}
