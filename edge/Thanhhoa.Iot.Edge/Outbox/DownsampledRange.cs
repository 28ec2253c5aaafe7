namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Sequence numbers whose raw readings the outbox replaced by aggregates at its quota, for the loss
/// ledger. The range may enclose rows that were not replaced (events, control messages): they are
/// delivered as usual, and the cloud counts as downsampled only the numbers it does not hold.
/// </summary>
/// <param name="First">First replaced sequence number.</param>
/// <param name="Last">Last replaced sequence number (inclusive).</param>
/// <param name="Count">Readings replaced in the range (at most Last - First + 1).</param>
/// <param name="At">When they were replaced.</param>
public sealed record DownsampledRange(long First, long Last, long Count, DateTimeOffset At);
