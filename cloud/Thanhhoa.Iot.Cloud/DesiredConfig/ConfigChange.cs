namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>The outcome of a configuration change request.</summary>
public enum ConfigChange
{
    Saved,
    Invalid,
    NotFound,

    /// <summary>ExpectedVersion did not match, or a group still has members.</summary>
    Conflict,
}
