using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// One reading the outbox stores in place of raw telemetry it thinned out at its quota. It takes the
/// sequence number of one of the readings it replaces, so the sequence space stays as it was.
/// </summary>
/// <param name="Seq">A sequence number taken from the replaced readings.</param>
/// <param name="Channel">A derived channel id, e.g. <c>battery_v--avg</c> (see <see cref="AggregateChannels"/>).</param>
/// <param name="Timestamp">Start of the interval it summarises.</param>
/// <param name="Value">The statistic.</param>
/// <param name="Quality">The worst quality among the replaced readings.</param>
public sealed record AggregateRow(long Seq, string Channel, DateTimeOffset Timestamp, double Value, Quality Quality);
