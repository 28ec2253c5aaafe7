namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>What an outage lost.</summary>
public enum OutageKind
{
    /// <summary>Mains lost: the site ran on battery or generator, or went down.</summary>
    MainsLoss,

    /// <summary>The equipment lost power: service down.</summary>
    SiteDown,
}
