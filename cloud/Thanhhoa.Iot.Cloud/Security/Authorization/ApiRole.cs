namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>What an API key may do.</summary>
public enum ApiRole
{
    /// <summary>Creates enrollment tokens for, and reads, only the sites listed on the key.</summary>
    Technician,

    /// <summary>Reads everything and acknowledges alarms.</summary>
    Operator,

    /// <summary>Everything: keys, tokens, revocation, commands, configuration, audit.</summary>
    Admin,
}
