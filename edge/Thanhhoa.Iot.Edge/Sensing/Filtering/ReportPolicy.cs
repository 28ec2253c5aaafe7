namespace Thanhhoa.Iot.Edge.Sensing.Filtering;

/// <summary>When a channel's reading is worth sending. Digital channels report every transition.</summary>
public sealed record ReportPolicy(double Deadband, TimeSpan Heartbeat, bool Digital);
