namespace Thanhhoa.Iot.Edge.Diagnostics.Watchdog;

/// <summary>What the watchdog asks before each ping.</summary>
internal interface IGatewayLiveness
{
    /// <summary>Null while the gateway's loops are alive; otherwise why not, for the log.</summary>
    string? WhyNotAlive();
}
