namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>
/// A clock outside the gateway that tells the time now, e.g. a GPS receiver or the cellular modem
/// (AT+CCLK / NITZ). Register one to make it a source (<see cref="TimeSource.Gps"/>); none ships yet.
/// </summary>
public interface IExternalTimeSource
{
    /// <summary>The UTC time now, or null when the source has no fix.</summary>
    DateTimeOffset? TryGetUtcNow();
}
