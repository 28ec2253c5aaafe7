namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>What the outbox stores with a row to place it in time, now or later.</summary>
/// <param name="Timestamp">The wall time to store: corrected to the trusted time when <paramref name="Trusted"/>, else the OS clock's.</param>
/// <param name="Trusted">Whether the wall time was trusted when the row was stored.</param>
/// <param name="BootKey">The boot it was taken in (from <see cref="IBootIdentity"/>).</param>
/// <param name="Monotonic">The monotonic clock when it was taken, in 100 ns ticks (only comparable within one boot).</param>
public readonly record struct ClockStamp(DateTimeOffset Timestamp, bool Trusted, long BootKey, long Monotonic);
