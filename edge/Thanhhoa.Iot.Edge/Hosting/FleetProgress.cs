namespace Thanhhoa.Iot.Edge.Hosting;

/// <summary>A fleet-wide sum of the simulated gateways' uplink and outbox state.</summary>
public sealed record FleetProgress(
    int Gateways,
    int Connected,
    long DeliveredReadings,
    long DeliveredEvents,
    long Rejected,
    long PendingReadings,
    long PendingEvents);
