namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>The cloud's contact with a gateway began (birth) or ended (death, lost connection, cloud restart) at <paramref name="At"/>.</summary>
public sealed record LinkChange(DateTimeOffset At, bool Online);
