using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>What a channel driver produces: one value, before the outbox gives it a sequence number.</summary>
public readonly record struct SensorReading(string Channel, DateTimeOffset Timestamp, double Value, Quality Quality);
