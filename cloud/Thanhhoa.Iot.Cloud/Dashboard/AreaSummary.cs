namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>A district with its communes count and how many sites of each kind it has.</summary>
public sealed record AreaSummary(string Code, string Name, int Communes, int BtsSites, int HamletStations);
