using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>An event before the outbox gives it a sequence number.</summary>
public sealed record EventDraft(
    DateTimeOffset Timestamp,
    string Code,
    EventAction Action,
    Severity Severity,
    string? Channel = null,
    string? Message = null,
    IReadOnlyDictionary<string, double>? Values = null);
