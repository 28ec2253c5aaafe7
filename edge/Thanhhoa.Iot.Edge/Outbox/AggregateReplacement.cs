namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>Raw readings a retention policy replaces by aggregate rows whose sequence numbers are taken from them (any of them).</summary>
/// <param name="Replaced">Sequence numbers of the offered raw readings that leave the outbox.</param>
/// <param name="Rows">What is stored instead; every row's sequence number is one of <paramref name="Replaced"/>.</param>
public sealed record AggregateReplacement(IReadOnlyList<long> Replaced, IReadOnlyList<AggregateRow> Rows);
