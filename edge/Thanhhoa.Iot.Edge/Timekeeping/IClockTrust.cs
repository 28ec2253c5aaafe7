namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>
/// Knows whether the gateway's wall time is trusted, and places rows in time: a stamp when they are
/// stored, a corrected time for rows of this boot stored before the time was trusted.
/// </summary>
public interface IClockTrust
{
    /// <summary>True when some configured source has made the wall time trusted.</summary>
    bool IsTrusted { get; }

    /// <summary>Grows by one each time the time becomes trusted after it was not: the cue to re-anchor stored rows.</summary>
    long TrustEpoch { get; }

    /// <summary>The stamp for a row whose <paramref name="wallTime"/> was read from the OS clock a moment ago.</summary>
    ClockStamp Stamp(DateTimeOffset wallTime);

    /// <summary>
    /// The trusted wall time of a row stamped untrusted: trustedNow − (monotonicNow − <paramref name="monotonic"/>).
    /// Null when the time is not trusted yet or the row is of another boot (its monotonic time means nothing now).
    /// </summary>
    DateTimeOffset? Correct(long bootKey, long monotonic);

    /// <summary>Asks the OS sync state and the external sources again.</summary>
    void Refresh();

    /// <summary>Completes at the next change of trust (or at once if one happened since <paramref name="epoch"/>).</summary>
    Task WaitForTrustAsync(long epoch, CancellationToken cancellationToken);
}
