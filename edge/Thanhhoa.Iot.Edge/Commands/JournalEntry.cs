namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>One command id the gateway has seen, with the command and (once finished) its encoded result.</summary>
internal sealed record JournalEntry(
    string Id,
    string Type,
    DateTimeOffset Expires,
    JournalState State,
    byte[] Command,
    byte[]? Result,
    DateTimeOffset ReceivedAt);
