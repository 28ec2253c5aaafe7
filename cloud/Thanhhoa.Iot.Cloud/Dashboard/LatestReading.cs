using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>The latest value of one channel of a site's gateway.</summary>
public sealed record LatestReading(string Channel, double Value, DateTimeOffset Timestamp, Quality Quality);
