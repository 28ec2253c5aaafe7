namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>A sequence range in the loss ledger, both ends inclusive.</summary>
public sealed record LossRangeView(long From, long To);
