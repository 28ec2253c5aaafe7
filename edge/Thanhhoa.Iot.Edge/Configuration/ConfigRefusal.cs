namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>Why a desired configuration was refused: the first offending field (a JSON path) and the reason.</summary>
public sealed record ConfigRefusal(string Field, string Reason);
