namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Body of <c>POST /api/alarms/{id}/ack</c>: the operator's name and an optional note.</summary>
public sealed record AckRequest(string? By, string? Note);
