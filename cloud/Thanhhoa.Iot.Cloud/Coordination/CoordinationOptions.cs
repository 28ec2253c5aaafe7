namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>Configuration section <c>Coordination</c>: how this node identifies itself to the others.</summary>
public sealed class CoordinationOptions
{
    public const string Section = "Coordination";

    /// <summary>This node's name in leases and job claims (host name and process id unless set).</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// When positive, runs the cluster probe job at this interval: each run writes one row (period, node)
    /// so an operator (or a test) can see that singleton jobs run exactly once per period. Off by default.
    /// </summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How long an ingest member's liveness lease lasts without renewal before others adopt its broker session.</summary>
    public TimeSpan MemberLeaseTtl { get; set; } = TimeSpan.FromSeconds(10);
}
