namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Everything the ledger needs about one gateway, in any order: its power alarm events, its link changes,
/// and the spans its own data proves it was alive and recording (buffered readings and events that arrived
/// after a link gap). Only observations inside link gaps matter.
/// </summary>
public sealed record LedgerInput(
    IReadOnlyList<LedgerEvent> Events,
    IReadOnlyList<LinkChange> Links,
    IReadOnlyList<ObservedSpan> Observations)
{
    public static readonly LedgerInput Empty = new([], [], []);
}
