using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>An alarm transition as the ledger reads it: the gateway's timestamp and sequence, never the arrival time.</summary>
public sealed record LedgerEvent(DateTimeOffset Timestamp, long Seq, string Code, EventAction Action);
