namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>What <c>slot-state.json</c> holds: the committed slot and version, and a slot on trial if any.</summary>
/// <param name="Committed">The slot that boots when a trial fails.</param>
/// <param name="CommittedVersion">The version in <paramref name="Committed"/>.</param>
/// <param name="Trial">The slot on trial, or null.</param>
/// <param name="TrialVersion">The version on trial.</param>
/// <param name="RolloutId">The rollout that installed the trial (or last committed).</param>
/// <param name="LastOutcome">The terminal state last reported for <paramref name="RolloutId"/>, e.g. committed or rolled-back.</param>
public sealed record SlotState(string Committed, string CommittedVersion, string? Trial, string? TrialVersion, string? RolloutId, string? LastOutcome);
