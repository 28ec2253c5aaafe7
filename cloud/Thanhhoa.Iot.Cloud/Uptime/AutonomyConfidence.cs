namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>How far an autonomy estimate can be trusted.</summary>
public enum AutonomyConfidence
{
    /// <summary>No estimate: too little data, or the voltage is not falling.</summary>
    Unknown,
    Low,
    Medium,
    High,
}
